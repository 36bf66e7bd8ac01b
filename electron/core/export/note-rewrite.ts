// Turns a note's passage links into what a reader outside Scholia needs: the
// quoted passage with its citation (outlet, author, date, URL) and a
// scholia:// link back. Shared by the Markdown and HTML formats, which differ
// only in how they link to an article (a [[wikilink]] or an in-page anchor).
import type { ArticleMeta, Passage } from '../model.js';
import { citationParts, isWebUrl } from './citation.js';
import { passageLinkRegex, passageUrl } from './passage-links.js';

export interface RewriteContext {
  passage(id: string): Passage | undefined;
  article(id: string): ArticleMeta | undefined;
  /** Markdown linking to the article inside the export, or null when it is not exported. */
  articleLink(article: ArticleMeta): string | null;
  /**
   * Pandoc citations instead of the citation line (Markdown export with citations): the passage's
   * `[@key, para. 2]`, or null when its article cannot be cited; `keepLinks` keeps the scholia:// link.
   */
  pandoc?: { cite(p: Passage): string | null; keepLinks?: boolean };
  /** The pages a passage is on, as a citation prints them ("p. 12"); "" or absent when unknown. */
  pages?(passage: Passage): string;
}

/**
 * Escapes text so Markdown shows it literally (quotes and article text are not Markdown).
 * `<` becomes `&lt;`, not `\<`: a bare URL (a GFM autolink) runs on over backslashes, so
 * in `http://a.org/x'\<html:script\>` it would take the `\` and leave `<html:script\>` to
 * start an autolink to the `html:` scheme. An entity leaves no `<` to start anything.
 */
export function escapeMarkdown(text: string): string {
  // Bare web addresses are left as written when they hold nothing that could open a link, an
  // emphasis across them, code or markup: a GFM autolink shows its backslashes, so escaping them
  // printed "a\_b" in the link text. Anything else (brackets, parentheses, quotes, `<`) is escaped as
  // elsewhere, whatever follows.
  const parts = text.split(SAFE_URL);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/([\\`*_[\]>])/g, '\\$1')
            .replace(/</g, '&lt;')
            .replace(/^(\s*)([#+-]|\d+[.)])(\s)/gm, '$1\\$2$3')
            .replace(/^(\s*)(=+|-{3,})\s*$/gm, '$1\\$2'),
    )
    .join('');
}

/**
 * An http(s) address standing on its own (after the start or a space, before a space or the end), its
 * host with a dot as GFM's autolinks need, made only of characters an address needs and Markdown cannot turn into a link, code or markup. The one
 * capture group makes split() keep it.
 */
const SAFE_URL =
  /(?<=^|\s)(https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*)?)(?=\s|$)/g;

/** A Markdown blockquote holding `text` literally, one `>` per line. */
export function blockquote(lines: string[]): string {
  return lines.map((l) => (l.trim() ? `> ${l}` : '>')).join('\n');
}

/** The citation line under a quote: "— Outlet, Author, 2022-10-27, <url> · [[Article]] · [open in Scholia](…)". */
export function citationLine(
  article: ArticleMeta | undefined,
  passageId: string,
  ctx: RewriteContext,
  pages = '',
): string {
  const bits: string[] = [];
  if (article) {
    const parts = citationParts(article).map((p) => (p === article.url && isWebUrl(p) ? `<${p}>` : escapeMarkdown(p)));
    if (pages) parts.push(escapeMarkdown(pages));
    if (parts.length) bits.push(parts.join(', '));
    const link = ctx.articleLink(article);
    if (link) bits.push(link);
    else if (article.title && !parts.length) bits.push(`“${escapeMarkdown(article.title)}”`);
  }
  bits.push(`[open in Scholia](${passageUrl(passageId)})`);
  return `— ${bits.join(' · ')}`;
}

/** The quote block for one passage link: the passage as it stands, or the remembered text when it is gone. */
export function quoteFor(passageId: string, linkText: string, ctx: RewriteContext): string {
  const p = ctx.passage(passageId);
  if (!p) {
    return blockquote([
      escapeMarkdown(unescapeLinkText(linkText)),
      '',
      `— passage no longer in the library · [scholia](${passageUrl(passageId)})`,
    ]);
  }
  const article = ctx.article(p.articleId);
  const pandoc = ctx.pandoc?.cite(p);
  if (pandoc) {
    const link = ctx.pandoc?.keepLinks ? ` [scholia](${passageUrl(passageId)})` : '';
    return blockquote([`“${escapeMarkdown(p.quote.exact.replace(/\s+/g, ' ').trim())}” ${pandoc}${link}`]);
  }
  const quoteLines = p.quote.exact.split(/\r?\n/).map((l) => escapeMarkdown(l));
  const orphan =
    p.state === 'orphan' ? ['', '*(this passage could no longer be found in the article’s current text)*'] : [];
  return blockquote([...quoteLines, ...orphan, '', citationLine(article, passageId, ctx, ctx.pages?.(p) ?? '')]);
}

function unescapeLinkText(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Splits Markdown into blocks separated by blank lines, keeping fenced code blocks whole. */
function splitBlocks(md: string): Array<{ text: string; code: boolean }> {
  const blocks: Array<{ text: string; code: boolean }> = [];
  let cur: string[] = [];
  let fence: string | null = null;
  const flush = (code = false): void => {
    if (cur.length) blocks.push({ text: cur.join('\n'), code });
    cur = [];
  };
  for (const line of md.split(/\r?\n/)) {
    const f = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (fence) {
      cur.push(line);
      if (f && f[1]!.startsWith(fence[0]!) && f[1]!.length >= fence.length) {
        fence = null;
        flush(true);
      }
      continue;
    }
    if (f) {
      flush();
      fence = f[1]!;
      cur.push(line);
      continue;
    }
    if (!line.trim()) flush();
    else cur.push(line);
  }
  flush(fence !== null);
  return blocks;
}

/**
 * Rewrites a note body. A paragraph that is only a passage link becomes the
 * quote block; a paragraph that mentions passages keeps its links (they still
 * point back to Scholia) and is followed by their quote blocks.
 */
export function rewriteNoteBody(body: string, ctx: RewriteContext): string {
  const out: string[] = [];
  for (const block of splitBlocks(body)) {
    if (block.code) {
      out.push(block.text);
      continue;
    }
    const links = [...block.text.matchAll(passageLinkRegex())];
    if (!links.length) {
      out.push(block.text);
      continue;
    }
    if (ctx.pandoc) {
      // With citations, a link inside a sentence becomes its text and the citation; a paragraph
      // that is only a link becomes the quote with its citation.
      const rest = block.text.replace(passageLinkRegex(), '').replace(/[\s"'“”‘’«»„.,;:()\-–—>*_]+/g, '');
      if (!rest) {
        out.push(...links.map((m) => quoteFor(m[2]!, m[1]!, ctx)));
        continue;
      }
      out.push(
        block.text.replace(passageLinkRegex(), (whole, text: string, id: string) => {
          const p = ctx.passage(id);
          const c = p ? ctx.pandoc!.cite(p) : null;
          if (!c) return whole;
          return `${text} ${c}${ctx.pandoc!.keepLinks ? ` [scholia](${passageUrl(id)})` : ''}`;
        }),
      );
      continue;
    }
    const quotes = links.map((m) => quoteFor(m[2]!, m[1]!, ctx));
    const rest = block.text.replace(passageLinkRegex(), '').replace(/[\s"'“”‘’«»„.,;:()\-–—>*_]+/g, '');
    if (rest) out.push(block.text);
    out.push(...quotes);
  }
  return out.join('\n\n');
}
