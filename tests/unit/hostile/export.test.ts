// Hostile notes and ids through the HTML and Markdown exports: nothing in an
// exported file may run script when opened (HTML in a browser, Markdown in a
// viewer that renders it with marked).
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/core/export/run.js';
import type { Note, Passage } from '../../../electron/core/model.js';
import { contextFor, fillSample, openJsonLibrary } from '../export/library.js';
import { MemoryStore } from '../export/memory-store.js';
import { activeParts } from './active-html.js';

const ENCODED_LINKS = [
  '[the source](&#x6a;avascript&#x3a;alert(document.domain))',
  '[the source](javascript&colon;alert(1))',
  '[the source](jav&#x09;ascript:alert(2))',
  '[the source](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(3))',
  '[the source](JaVaScRiPt&#58;alert(4))',
  '[the source](&#x20;javascript:alert(5))',
];

function note(id: string, body: string): Note {
  return {
    id,
    title: `Note ${id}`,
    articleId: null,
    tags: [],
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    body,
  };
}

async function exportText(ctx: Awaited<ReturnType<typeof openJsonLibrary>>, format: 'html' | 'md', noteIds: string[]) {
  const { files } = await renderExport(ctx, { format, scope: { noteIds } });
  return files.map((f) => f.text ?? '');
}

describe('A: links hidden behind HTML character references', () => {
  it('export no live javascript: link in the HTML export', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const ids = ENCODED_LINKS.map((_, i) => `n_link${i}`);
    for (const [i, md] of ENCODED_LINKS.entries()) await ctx.store.putNote(note(ids[i]!, `See ${md} for more.`));
    const [html] = await exportText(ctx, 'html', ids);
    // The link text stays; the link target does not.
    expect(html).toContain('the source');
    expect(activeParts(html!)).toEqual([]);
  });

  it('export no live javascript: link in the Markdown export rendered by a Markdown viewer', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const ids = ENCODED_LINKS.map((_, i) => `n_link${i}`);
    for (const [i, md] of ENCODED_LINKS.entries()) await ctx.store.putNote(note(ids[i]!, `See ${md} for more.`));
    const files = await exportText(ctx, 'md', ids);
    for (const text of files) expect(activeParts(marked.parse(text, { async: false }))).toEqual([]);
  });

  it('keeps ordinary links and passage links live', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    await ctx.store.putNote(
      note('n_ok', 'Read [the report](https://example.org/report?a=1&b=2) and [this](scholia://passage/p_mt).'),
    );
    const [html] = await exportText(ctx, 'html', ['n_ok']);
    expect(html).toContain('href="https://example.org/report?a=1&amp;b=2"');
    const [md] = await exportText(ctx, 'md', ['n_ok']);
    expect(md).toContain('[the report](https://example.org/report?a=1&b=2)');
  });
});

describe('raw HTML in notes, Markdown export', () => {
  it('is shown literally, so a viewer that renders raw HTML runs nothing', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const bodies = [
      '<img src=x onerror=alert(1)>',
      'text <script>alert(2)</script> more',
      '<svg><image href="https://tracker.example/x.png"/></svg>',
      '`<b>` and then <b onclick=alert(3)>bold</b>',
      '<details open ontoggle=alert(4)>x</details>',
      '<a href="javascript:alert(5)">x</a>',
      '[x](<javascript:alert(6)>)',
    ];
    const ids = bodies.map((_, i) => `n_raw${i}`);
    for (const [i, b] of bodies.entries()) await ctx.store.putNote(note(ids[i]!, b));
    const files = await exportText(ctx, 'md', ids);
    expect(files).toHaveLength(bodies.length + 0);
    for (const text of files) expect(activeParts(marked.parse(text, { async: false }))).toEqual([]);
    // What the user wrote is still there to read.
    expect(files.join('\n')).toContain('&lt;img src=x onerror=alert(1)>');
  });
});

describe('B: passage ids on the way out', () => {
  const evilId = 'p_x"><img src=x onerror=alert(8)><a href="';

  async function bundleWithEvilId() {
    // A store that takes any id (as a backup from elsewhere could once put there).
    const store = new MemoryStore();
    const ctx = contextFor(store);
    await fillSample(ctx);
    const p = store.passages[0]!;
    const evil: Passage = { ...p, id: evilId };
    store.passages.push(evil);
    return ctx;
  }

  it('cannot inject an element into the HTML export', async () => {
    const ctx = await bundleWithEvilId();
    const { files } = await renderExport(ctx, { format: 'html', scope: {} });
    expect(activeParts(files[0]!.text!)).toEqual([]);
  });

  it('cannot break out of its link in the Markdown export', async () => {
    const ctx = await bundleWithEvilId();
    const { files } = await renderExport(ctx, { format: 'md', scope: {} });
    for (const f of files) expect(activeParts(marked.parse(f.text!, { async: false }))).toEqual([]);
  });
});

describe('article metadata in the Markdown export', () => {
  it('front matter and wikilinks carry hostile titles as inert text, and YAML readers still get them exactly', async () => {
    const { parse } = await import('yaml');
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const meta = ctx.store.getArticleMeta('a_mt')!;
    const title = '<img src=x onerror=alert(1)> [click](javascript:alert(2))';
    await ctx.store.putArticleMeta({
      ...meta,
      title,
      author: '<svg onload=alert(3)>',
      source: '<script>alert(4)</script>',
    });
    await ctx.store.putNote({ ...note('n_on', 'See the article.'), articleId: 'a_mt' });
    const { files } = await renderExport(ctx, { format: 'md', scope: {} });
    for (const f of files) expect(activeParts(marked.parse(f.text!, { async: false })), f.path).toEqual([]);
    const article = files.find((f) => /type: article/.test(f.text!) && f.text!.includes('a_mt'))!;
    const yaml = parse(article.text!.split('---\n')[1]!) as Record<string, string>;
    expect(yaml).toMatchObject({ title, author: '<svg onload=alert(3)>', source: '<script>alert(4)</script>' });
  });
});

describe('a page title of namespaced XHTML after a URL, Markdown export', () => {
  // From the corpus (tests/fixtures/xss): in a page's <title> it becomes the article's title, which the
  // Markdown export writes as the file's heading. The bare URL is a GFM autolink that ran on over the
  // backslash of an escaped `\<`, leaving `<html:script\>` to render as a link to the `html:` scheme.
  const payload =
    '<?xml version="1.0"?><html:html xmlns:html=\'http://www.w3.org/1999/xhtml\'><html:script>javascript:alert(1);</html:script></html:html>';

  it('renders no link to a foreign scheme, and the title still reads as written', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const meta = ctx.store.getArticleMeta('a_mt')!;
    await ctx.store.putArticleMeta({ ...meta, title: `Hostile head ${payload}` });
    const { files } = await renderExport(ctx, { format: 'md', scope: { articleIds: ['a_mt'] } });
    // The article's own notes come along with it: take the article's file.
    const article = files.find((f) => /^type: article$/m.test(f.text!))!;
    const html = marked.parse(article.text!, { async: false, gfm: true });
    expect(activeParts(html)).toEqual([]);
    const heading = /<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!;
    const { JSDOM } = await import('jsdom');
    // Up to the URL, the heading reads as the title was written (the URL itself is a plain http link).
    expect(JSDOM.fragment(heading).textContent).toContain(
      `Hostile head <?xml version="1.0"?><html:html xmlns:html='http://www.w3.org/1999/xhtml'`,
    );
    expect(
      [...JSDOM.fragment(heading).querySelectorAll('a')].map((a) => a.getAttribute('href')?.split(':')[0]),
    ).toEqual(['http']);
  });
});

describe('bare web addresses in text the Markdown export writes', () => {
  const render = (md: string) => marked.parse(md, { async: false, gfm: true });

  it('an address with _ or * reads as written in its link, not with backslashes', async () => {
    const { escapeMarkdown } = await import('../../../electron/core/export/note-rewrite.js');
    const { JSDOM } = await import('jsdom');
    const title = 'Report at https://example.org/reports/annual_report_2024*final.pdf (2024) *draft*';
    const frag = JSDOM.fragment(render(escapeMarkdown(title)));
    const links = [...frag.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      [
        'https://example.org/reports/annual_report_2024*final.pdf',
        'https://example.org/reports/annual_report_2024*final.pdf',
      ],
    ]);
    // The rest is literal: no emphasis made of the asterisks around "draft".
    expect(frag.textContent!.trim()).toBe(title);
    expect(frag.querySelector('em, strong')).toBeNull();
  });

  it('an address glued to a word, or holding brackets, stays escaped: no link is made from its parts', async () => {
    const { escapeMarkdown } = await import('../../../electron/core/export/note-rewrite.js');
    for (const text of [
      'xhttps://a.org/[click](javascript:alert(1))',
      'https://a.org/[click](javascript:alert(1))',
      'see https://a.org/x_<html:script>alert(1)</html:script>',
      'https://a.org/`code`',
    ]) {
      const html = render(escapeMarkdown(text));
      expect(activeParts(html), text).toEqual([]);
      expect(html).not.toMatch(/href="(?!https?:)/);
      expect(html).not.toContain('<code>');
    }
  });
});
