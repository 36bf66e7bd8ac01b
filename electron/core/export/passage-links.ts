// Passage links inside note Markdown: `[the quote](scholia://passage/<id>)`.
// Plain Markdown links, so they survive any tool; export resolves them.

/** Matches one passage link; group 1 = link text, group 2 = passage id. */
export const PASSAGE_LINK_SOURCE = String.raw`\[((?:\\.|[^\]\\])*)\]\(\s*<?scholia://passage/([A-Za-z0-9_-]+)>?(?:\s+"[^"]*")?\s*\)`;

export function passageLinkRegex(): RegExp {
  return new RegExp(PASSAGE_LINK_SOURCE, 'g');
}

/** Fenced code blocks: a link written inside one is an example, not a citation. */
const FENCED_CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;

/** The ids of the passages a note links to (outside code blocks), in order of first appearance. */
export function passageIdsIn(markdown: string): string[] {
  const ids = new Set<string>();
  const prose = markdown.includes('```') || markdown.includes('~~~') ? markdown.replace(FENCED_CODE, '') : markdown;
  for (const m of prose.matchAll(passageLinkRegex())) ids.add(m[2]!);
  return [...ids];
}

/** The URL a front end opens to show a passage. */
export function passageUrl(id: string): string {
  // Ids are checked on the way in; encoded here too, so no id can end a Markdown link or an HTML attribute.
  return `scholia://passage/${id.replace(/[^A-Za-z0-9_-]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))}`;
}
