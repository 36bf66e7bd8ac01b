// A story as a comparison report: the timeline, the quote matrix, what each
// outlet adds, the word diffs, the user's highlights with their typed links,
// and the user's notes on the story. HTML is built from escaped text and then
// passed through the export room's DOMPurify (the notes are the user's
// Markdown, rendered like a note's); Markdown escapes every character a viewer
// would read as markup, so raw HTML in an article shows as text.
import { noteToSafeHtml, sanitizeHtml } from '../export/index.js';
import type { StoryReport, StoryReportFormat, StoryView } from './api.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text as Markdown shows it literally (no emphasis, links, HTML or headings of its own). */
export function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~&-])/g, '\\$1');
}

function fileBase(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `story-${base || 'report'}`;
}

function outletOf(v: StoryView, id: string): string {
  const a = v.articles.find((x) => x.id === id);
  return a ? a.source || a.title : id;
}

const RELATION_WORDS: Record<string, string> = {
  corroborates: 'corroborates',
  contradicts: 'contradicts',
  quotes: 'quotes',
  paraphrases: 'paraphrases',
  updates: 'updates',
};

export function storyMarkdown(v: StoryView): string {
  const out: string[] = [`# ${mdText(v.story.name)}`, ''];
  out.push(
    `${v.articles.length} articles, ${v.quotes.filter((q) => q.carriers.length > 1).length} quotes carried by more than one outlet.`,
    '',
  );
  out.push('## Timeline', '');
  for (const a of v.articles) {
    const from = a.carriesFromEarlier
      .map((c) => `${c.words} words also in ${mdText(outletOf(v, c.articleId))}`)
      .join('; ');
    out.push(
      `- ${a.published ?? 'date unknown'}: **${mdText(a.source || 'unknown outlet')}**, ${mdText(a.title)}${from ? ` (${from})` : ''}`,
    );
  }
  out.push('', '## Quotes', '');
  out.push(`| Quote | Speaker | ${v.articles.map((a) => mdText(a.source || a.title)).join(' | ')} |`);
  out.push(`| --- | --- | ${v.articles.map(() => '---').join(' | ')} |`);
  for (const q of v.quotes) {
    const cells = v.articles.map((a) => q.carriers.find((c) => c.articleId === a.id)?.kind ?? '');
    out.push(`| “${mdText(q.text)}” | ${mdText(q.speaker || 'unknown')} | ${cells.join(' | ')} |`);
  }
  out.push('', '## What each outlet adds', '');
  for (const add of v.additions) {
    out.push(`### ${mdText(outletOf(v, add.articleId))}`, '');
    if (add.sentences.length === 0) out.push('Nothing the other articles do not carry.', '');
    for (const s of add.sentences) out.push(`- ${mdText(s.text)}`);
    out.push('');
  }
  if (v.diffs.length) {
    out.push('## Near-identical passages', '');
    for (const d of v.diffs) {
      const text = d.pieces
        .map((p) =>
          p.op === 'same'
            ? mdText(p.text)
            : p.op === 'del'
              ? `~~${mdText(p.text.trim())}~~ `
              : `**${mdText(p.text.trim())}** `,
        )
        .join('');
      out.push(`- ${mdText(outletOf(v, d.aId))} → ${mdText(outletOf(v, d.bId))}: ${text}`);
    }
    out.push('');
  }
  if (v.links.length) {
    out.push('## Linked passages', '');
    for (const l of v.links) {
      const rel = l.relation === 'other' ? (l.label ?? 'relates to') : RELATION_WORDS[l.relation]!;
      out.push(
        `- “${mdText(l.from.quote)}” (${mdText(l.from.source)}) *${mdText(rel)}* “${mdText(l.to.quote)}” (${mdText(l.to.source)})`,
      );
    }
    out.push('');
  }
  if (v.story.notes?.trim()) out.push('## Notes', '', v.story.notes.trim(), '');
  return out.join('\n');
}

export function storyHtml(v: StoryView): string {
  const h: string[] = [];
  h.push(`<h1>${esc(v.story.name)}</h1>`);
  h.push('<h2>Timeline</h2><ol>');
  for (const a of v.articles) {
    const from = a.carriesFromEarlier
      .map((c) => `${c.words} words also in ${esc(outletOf(v, c.articleId))}`)
      .join('; ');
    h.push(
      `<li><time>${esc(a.published ?? 'date unknown')}</time> <strong>${esc(a.source || 'unknown outlet')}</strong>: ${esc(a.title)}${from ? ` <small>(${from})</small>` : ''}</li>`,
    );
  }
  h.push('</ol><h2>Quotes</h2><table><thead><tr><th>Quote</th><th>Speaker</th>');
  for (const a of v.articles) h.push(`<th>${esc(a.source || a.title)}</th>`);
  h.push('</tr></thead><tbody>');
  for (const q of v.quotes) {
    h.push(`<tr><td>“${esc(q.text)}”</td><td>${esc(q.speaker || 'unknown')}</td>`);
    for (const a of v.articles) h.push(`<td>${esc(q.carriers.find((c) => c.articleId === a.id)?.kind ?? '')}</td>`);
    h.push('</tr>');
  }
  h.push('</tbody></table><h2>What each outlet adds</h2>');
  for (const add of v.additions) {
    h.push(`<h3>${esc(outletOf(v, add.articleId))}</h3>`);
    if (add.sentences.length === 0) h.push('<p>Nothing the other articles do not carry.</p>');
    else h.push(`<ul>${add.sentences.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>`);
  }
  if (v.diffs.length) {
    h.push('<h2>Near-identical passages</h2><ul>');
    for (const d of v.diffs) {
      const text = d.pieces
        .map((p) =>
          p.op === 'same' ? esc(p.text) : p.op === 'del' ? `<del>${esc(p.text)}</del>` : `<ins>${esc(p.text)}</ins>`,
        )
        .join('');
      h.push(`<li><strong>${esc(outletOf(v, d.aId))} → ${esc(outletOf(v, d.bId))}</strong>: ${text}</li>`);
    }
    h.push('</ul>');
  }
  if (v.links.length) {
    h.push('<h2>Linked passages</h2><ul>');
    for (const l of v.links) {
      const rel = l.relation === 'other' ? (l.label ?? 'relates to') : RELATION_WORDS[l.relation]!;
      h.push(
        `<li><q>${esc(l.from.quote)}</q> (${esc(l.from.source)}) <em>${esc(rel)}</em> <q>${esc(l.to.quote)}</q> (${esc(l.to.source)})</li>`,
      );
    }
    h.push('</ul>');
  }
  if (v.story.notes?.trim()) h.push(`<h2>Notes</h2>${noteToSafeHtml(v.story.notes)}`);
  const body = sanitizeHtml(h.join('\n'));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(v.story.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem .5rem;vertical-align:top}del{background:#fdd}ins{background:#dfd}</style>
</head><body>
${body}
</body></html>
`;
}

export function storyReport(v: StoryView, format: StoryReportFormat): StoryReport {
  const base = fileBase(v.story.name);
  return format === 'html'
    ? { filename: `${base}.html`, mime: 'text/html', content: storyHtml(v) }
    : { filename: `${base}.md`, mime: 'text/markdown', content: storyMarkdown(v) };
}
