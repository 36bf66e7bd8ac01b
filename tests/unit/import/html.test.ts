// HTML pages: Readability content and metadata, sanitised reader HTML, canonical text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { fixtureParagraphs, hasShared, sharedDatasets } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = (n: number) =>
  `<p>Paragraph ${n} of the report: officials said the shipments continued through the autumn, and that the allies would meet again to decide on further measures against the suppliers.</p>`;

const PAGE = `<!doctype html><html lang="en-GB"><head>
<title>Drones Report | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Drones Report">
<meta property="article:published_time" content="2022-10-27T14:05:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.org/2022/10/drones-report">
<script>window.tracker = 1</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones Report</h1>
<figure><img src="https://cdn.example.org/photo.jpg" alt="A drone over Kyiv" onerror="alert(1)"><figcaption>A drone over Kyiv on October 17. Reuters</figcaption></figure>
${para(1)}${para(2)}
<p onclick="steal()">Clicking <a href="javascript:alert(1)">this link</a> or <a href="https://example.org/more">that one</a> should be harmless.</p>
<iframe src="https://ads.example.org/frame"></iframe>
<p style="background:url(https://tracker.example.org/pixel.gif)">${'Styled text with a remote background image. '.repeat(3)}</p>
${para(3)}${para(4)}
</article><footer>© 2022 The Daily Example</footer></body></html>`;

async function extractPage(html: string, name = 'drones.html') {
  const [a] = await extractArticles({ name, bytes: enc(html) });
  if (!a) throw new Error('no article');
  return a;
}

describe('HTML import', () => {
  it('takes title, outlet, author, date, language and canonical URL from the page', async () => {
    const a = await extractPage(PAGE);
    expect(a).toMatchObject({
      title: 'Drones Report',
      source: 'The Daily Example',
      author: 'Jane Doe',
      published: '2022-10-27T14:05:00.000Z',
      lang: 'en-GB',
      url: 'https://news.example.org/2022/10/drones-report',
      format: 'html',
    });
  });

  it('makes canonical text of the article paragraphs only, without the headline or the menu', async () => {
    const a = await extractPage(PAGE);
    const paragraphs = a.text.split('\n\n');
    // The figure's caption is the page's own text, kept as a caption (only bare credits are set aside).
    expect(paragraphs[0]).toBe('A drone over Kyiv on October 17. Reuters');
    expect(a.blocks![0]).toMatchObject({ kind: 'figcaption', start: 0 });
    expect(paragraphs[1]).toMatch(/^Paragraph 1 of the report/);
    expect(paragraphs).toContain('Clicking this link or that one should be harmless.');
    expect(paragraphs.at(-1)).toMatch(/^Paragraph 4/);
    expect(a.text).not.toMatch(/Home|World\n|Drones Report/);
    expect(a.removed).toEqual([]);
    expect(a.original).toBe(PAGE);
  });

  it('sanitises the reader HTML: no scripts, frames, handlers, javascript: links or remote loads', async () => {
    const { html } = await extractPage(PAGE);
    expect(html).toContain('Paragraph 1 of the report');
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|javascript:|style=|tracker/i);
    // Images keep their alt text but never load.
    expect(html).toMatch(/<img[^>]*alt="A drone over Kyiv"/);
    expect(html).not.toMatch(/<img[^>]*\ssrc=/);
    expect(html).toContain('href="https://example.org/more"');
  });

  it('sets aside outlet boilerplate that Readability keeps inside the article, and names the outlet', async () => {
    const paragraphs = fixtureParagraphs('moscow-times-blinken-iranian-drones.txt');
    const page = `<html><head><title>${paragraphs[1]}</title></head><body><article><h1>${paragraphs[1]}</h1>${paragraphs
      .slice(3)
      .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
      .join('')}</article></body></html>`;
    const a = await extractPage(page, 'mt.html');
    expect(a.source).toBe('The Moscow Times');
    expect(a.text).toBe(paragraphs.slice(3, 12).join('\n\n'));
    expect(a.text).not.toMatch(/newsletter|Dear readers|support us/);
    expect(a.removed.map((r) => r.reason)).toContain('donation appeal');
  });

  it('falls back to the page text when Readability finds no article', async () => {
    const a = await extractPage(
      '<html><head><title>Note</title></head><body><div>Just one short line.</div></body></html>',
      'note.html',
    );
    expect(a.title).toBe('Note');
    expect(a.text).toBe('Just one short line.');
  });
});

const pagesDir = path.join(sharedDatasets, 'readability-test-pages/test-pages');

describe.skipIf(!hasShared || !existsSync(pagesDir))('HTML import on real saved pages (readability-test-pages)', () => {
  it('reads a real blog post with its metadata and every paragraph', async () => {
    const dir = path.join(pagesDir, '002');
    const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as Record<string, string>;
    const [a] = await extractArticles({
      name: 'source.html',
      bytes: new Uint8Array(readFileSync(path.join(dir, 'source.html'))),
    });
    expect(a!.title).toBe(meta.title);
    expect(a!.author).toBe(meta.byline);
    expect(a!.source).toBe(meta.siteName);
    expect(a!.lang).toBe(meta.lang);
    expect(a!.text).toContain(
      'For more than a decade the Web has used XMLHttpRequest (XHR) to achieve asynchronous requests in JavaScript.',
    );
    expect(a!.text.split('\n\n').length).toBeGreaterThan(20);
    expect(a!.html).not.toMatch(/<script|\ssrc=/i);
  });
});
