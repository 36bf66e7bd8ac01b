// The document's structure at import: headings, lists, quotes, tables, captions, code,
// links and images become `blocks`/`links` over the canonical text, which stays the
// same paragraphs it always was (passages anchor on it).
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  existsSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/articles/files.js';
import { openCore } from '../../../electron/core/core.js';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { carryStructure } from '../../../electron/core/import/structure.js';
import type { TextBlock } from '../../../electron/core/model.js';
import { hasShared, sharedDatasets } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
/** The smallest real PNG (1x1). */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Each kept paragraph with what it was, in reading order. */
function shaped(a: { text: string; blocks?: TextBlock[] }) {
  return (a.blocks ?? [])
    .filter((b) => b.kind !== 'image')
    .map((b) => {
      const { start, end, ...rest } = b;
      return { ...rest, text: a.text.slice(start, end) };
    });
}

describe('structure of Markdown imports', () => {
  it('keeps headings, nested and numbered lists, quotes, tables and code, over unchanged paragraphs', async () => {
    const md = [
      '# Drone strikes',
      '',
      'Intro with a [source](https://www.rferl.org/a/32104.html) and a [bad one](javascript:alert(1)).',
      '',
      '## What was hit',
      '',
      '- power plants',
      '  - in Kyiv',
      '- water',
      '',
      '3. first step',
      '4. second step',
      '',
      '> We will not be indifferent.',
      '',
      '| City | Strikes |',
      '| --- | --- |',
      '| Kyiv | 12 |',
      '| Lviv | 4 |',
      '',
      '```',
      'code stays code',
      '```',
    ].join('\n');
    const [a] = await extractArticles({ name: 'strikes.md', bytes: enc(md) });
    // The title heading is the title; the rest is one paragraph per block, as before.
    expect(a!.title).toBe('Drone strikes');
    expect(a!.text.split('\n\n')).toEqual([
      'Intro with a source and a bad one.',
      'What was hit',
      'power plants',
      'in Kyiv',
      'water',
      'first step',
      'second step',
      'We will not be indifferent.',
      'City',
      'Strikes',
      'Kyiv',
      '12',
      'Lviv',
      '4',
      'code stays code',
    ]);
    expect(shaped(a!)).toEqual([
      { kind: 'paragraph', text: 'Intro with a source and a bad one.' },
      { kind: 'heading', level: 2, text: 'What was hit' },
      { kind: 'list-item', ordered: false, depth: 1, text: 'power plants' },
      { kind: 'list-item', ordered: false, depth: 2, text: 'in Kyiv' },
      { kind: 'list-item', ordered: false, depth: 1, text: 'water' },
      { kind: 'list-item', ordered: true, depth: 1, n: 3, text: 'first step' },
      { kind: 'list-item', ordered: true, depth: 1, n: 4, text: 'second step' },
      { kind: 'quote', text: 'We will not be indifferent.' },
      { kind: 'cell', table: 0, row: 0, header: true, text: 'City' },
      { kind: 'cell', table: 0, row: 0, header: true, text: 'Strikes' },
      { kind: 'cell', table: 0, row: 1, text: 'Kyiv' },
      { kind: 'cell', table: 0, row: 1, text: '12' },
      { kind: 'cell', table: 0, row: 2, text: 'Lviv' },
      { kind: 'cell', table: 0, row: 2, text: '4' },
      { kind: 'code', text: 'code stays code' },
    ]);
    // Only the http(s) link is kept, over its own words.
    expect(a!.links).toEqual([
      {
        start: a!.text.indexOf('source'),
        end: a!.text.indexOf('source') + 6,
        href: 'https://www.rferl.org/a/32104.html',
      },
    ]);
  });

  it('stores an image given as a data: URI and leaves out one only named by a remote URL', async () => {
    const md = `Before.\n\n![A chart](data:image/png;base64,${PNG_BASE64})\n\n![remote](https://x.example/a.png)\n\nAfter.`;
    const [a] = await extractArticles({ name: 'img.md', bytes: enc(md) });
    expect(a!.text).toBe('Before.\n\nAfter.');
    expect(a!.images).toEqual([{ id: 'img1', mime: 'image/png', data: PNG_BASE64 }]);
    const images = a!.blocks!.filter((b) => b.kind === 'image');
    // Between the two paragraphs: at the start of the second.
    expect(images).toEqual([{ kind: 'image', image: 'img1', alt: 'A chart', start: 9, end: 9 }]);
  });

  it('stores images from files beside the Markdown file, never outside its folder', async () => {
    const md = 'Text.\n\n![map](./img/map.png)\n\n![up](../secret.png)\n\n![fake](img/fake.png)';
    const png = new Uint8Array(Buffer.from(PNG_BASE64, 'base64'));
    const [a] = await extractArticles({
      name: 'beside.md',
      bytes: enc(md),
      assets: { 'img/map.png': png, '../secret.png': png, 'img/fake.png': enc('<svg onload=alert(1)>') },
    });
    expect(a!.images!.map((i) => i.id)).toEqual(['img1']);
    expect(a!.blocks!.filter((b) => b.kind === 'image').map((b) => b.alt)).toEqual(['map']);
  });
});

describe('structure of HTML imports', () => {
  it('resolves relative links against the page URL and keeps only http(s)', async () => {
    const html = `<html><head><title>Page</title></head><body><article>
      <h2>Section one</h2>
      <p>Read the <a href="/report.pdf">full report</a>, the <a href="mailto:x@y.z">mail</a> and <a href="#n1">note</a>.</p>
      <blockquote><p>A quoted sentence that is long enough to keep.</p></blockquote>
      <figure><img src="https://cdn.example/p.jpg" alt="remote"><figcaption>Kyiv after the strike.</figcaption></figure>
      <p>${'Body text of the article goes on for a while. '.repeat(8)}</p>
    </article></body></html>`;
    const [a] = await extractArticles({ name: 'page.html', bytes: enc(html), url: 'https://news.example/a/1' });
    expect(a!.links).toEqual([
      {
        start: a!.text.indexOf('full report'),
        end: a!.text.indexOf('full report') + 11,
        href: 'https://news.example/report.pdf',
      },
    ]);
    const kinds = shaped(a!).map((b) => `${b.kind}: ${b.text.slice(0, 20)}`);
    expect(kinds).toContain('heading: Section one');
    expect(kinds).toContain('quote: A quoted sentence th');
    // A remote image is never stored.
    expect(a!.images).toEqual([]);
    expect(a!.blocks!.some((b) => b.kind === 'image')).toBe(false);
  });

  it.skipIf(!hasShared)(
    'on every Readability test page, one block per paragraph of an unchanged text',
    { timeout: 120_000 },
    async () => {
      const root = path.join(sharedDatasets, 'readability-test-pages/test-pages');
      let withStructure = 0;
      for (const slug of readdirSync(root)) {
        const file = path.join(root, slug, 'source.html');
        if (!existsSync(file)) continue;
        const [a] = await extractArticles({ name: `${slug}.html`, bytes: new Uint8Array(readFileSync(file)) }).catch(
          () => [undefined],
        );
        if (!a) continue;
        const paras: Array<[number, number]> = [];
        let pos = 0;
        for (const p of a.text.split('\n\n')) {
          paras.push([pos, pos + p.length]);
          pos += p.length + 2;
        }
        const textBlocks = a.blocks!.filter((b) => b.kind !== 'image').map((b) => [b.start, b.end]);
        expect(textBlocks, slug).toEqual(a.text ? paras : []);
        for (const l of a.links ?? []) {
          expect(l.end, slug).toBeGreaterThan(l.start);
          expect(a.text.slice(l.start, l.end), slug).not.toContain('\n\n');
          expect(l.href, slug).toMatch(/^https?:\/\//);
        }
        if (a.blocks!.some((b) => b.kind !== 'paragraph')) withStructure++;
      }
      expect(withStructure).toBeGreaterThan(60);
    },
  );
});

describe('structure through the library', () => {
  it('reaches the reader, serves stored images, and follows Edit text and Restore', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-structure-'));
    const core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    try {
      const md = `# Notes\n\n## Heading kept\n\nA paragraph with a [link](https://example.org/x).\n\n![pic](data:image/png;base64,${PNG_BASE64})\n\n- an item\n\nSign up for our newsletter and never miss a story.\n\nLast words.`;
      const [r] = await core.api.importFiles([{ name: 'n.md', dataBase64: Buffer.from(md).toString('base64') }]);
      const a = (await core.api.getArticle(r!.id!))!;
      expect(a.blocks!.find((b) => b.kind === 'heading')).toMatchObject({ start: 0, end: 'Heading kept'.length });
      const img = a.blocks!.find((b) => b.kind === 'image')!;
      expect(await core.api.getArticleImage(a.id, img.image!)).toEqual({
        mime: 'image/png',
        dataUrl: `data:image/png;base64,${PNG_BASE64}`,
      });
      expect(await core.api.getArticleImage(a.id, 'img99')).toBeNull();
      expect(await core.api.getArticleImage('a-none', img.image!)).toBeNull();

      // An edit before the heading shifts it; the changed paragraph loses nothing else.
      await core.api.editArticleText(a.id, `New first line.\n\n${a.text}`);
      const b = (await core.api.getArticle(a.id))!;
      const heading = b.blocks!.find((x) => x.kind === 'heading')!;
      expect(b.text.slice(heading.start, heading.end)).toBe('Heading kept');
      expect(b.links!.map((l) => b.text.slice(l.start, l.end))).toEqual(['link']);
      expect(b.blocks!.find((x) => x.kind === 'list-item')).toMatchObject({
        start: b.text.indexOf('an item'),
      });
      // Restoring the set-aside prompt inserts a plain paragraph; the list item stays one.
      expect(b.removed).toHaveLength(1);
      await core.api.restoreRemovedBlock(a.id, b.removed[0]!.id);
      const c = (await core.api.getArticle(a.id))!;
      const restored = c.blocks!.find((x) => c.text.slice(x.start, x.end).startsWith('Sign up'))!;
      expect(restored.kind).toBe('paragraph');
      const item = c.blocks!.find((x) => x.kind === 'list-item')!;
      expect(c.text.slice(item.start, item.end)).toBe('an item');
      const last = c.blocks!.find((x) => c.text.slice(x.start, x.end) === 'Last words.');
      expect(last?.kind).toBe('paragraph');
      // The image still stands before the list item.
      expect(c.blocks!.find((x) => x.kind === 'image')!.start).toBe(item.start);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries nothing for an article imported before structure existed', () => {
    expect(carryStructure({ text: 'a\n\nb' }, 'a\n\nc')).toEqual({ blocks: undefined, links: undefined });
  });
});

describe('leftovers of pictures and widgets', () => {
  const body = (n: number) =>
    `<p>Paragraph ${n}: the minister said the talks would resume after the holiday, and that both delegations had agreed on the agenda.</p>`;
  it('sets aside "Image", credits, gallery counters and bracketed inbox plugs, restorable where they stood', async () => {
    const html = `<html><head><title>Talks</title></head><body><article>
      ${body(1)}<p>Image</p><p>JIM WATSON/AFP/Getty Images</p>${body(2)}<p>1 / 5</p>
      <p>[What you need to know to start the day: Get New York Today in your inbox.]</p>${body(3)}
      <figure><figcaption>Mike Watson Images/Moodboard/Getty</figcaption></figure>${body(4)}
    </article></body></html>`;
    const [a] = await extractArticles({ name: 'talks.html', bytes: enc(html) });
    expect(a!.text.split('\n\n').map((p) => p.slice(0, 11))).toEqual([
      'Paragraph 1',
      'Paragraph 2',
      'Paragraph 3',
      'Paragraph 4',
    ]);
    expect(a!.removed.map((r) => [r.reason, r.text, a!.text.slice(r.at, r.at + 11)])).toEqual([
      ['image label', 'Image', 'Paragraph 2'],
      ['photo credit', 'JIM WATSON/AFP/Getty Images', 'Paragraph 2'],
      ['gallery counter', '1 / 5', 'Paragraph 3'],
      [
        'newsletter prompt',
        '[What you need to know to start the day: Get New York Today in your inbox.]',
        'Paragraph 3',
      ],
      ['photo credit', 'Mike Watson Images/Moodboard/Getty', 'Paragraph 4'],
    ]);
  });

  it('keeps look-alikes that are text: table figures, a heading "Image", captions that say something', async () => {
    const html = `<html><head><title>Weather</title></head><body><article>
      ${body(1)}<h2>Image</h2>${body(2)}
      <table><tr><th>Month</th><th>High/Low</th></tr><tr><td>Jan</td><td>1 / 5</td></tr></table>
      <figure><figcaption>The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters</figcaption></figure>
      <p>Images</p>${body(3)}
    </article></body></html>`;
    const [a] = await extractArticles({ name: 'weather.html', bytes: enc(html) });
    expect(a!.removed).toEqual([]);
    expect(a!.text).toContain('\n\nImage\n\n');
    expect(a!.text).toContain('\n\n1 / 5\n\n');
    expect(a!.text).toContain('The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters');
  });
});

describe('images beside an imported file', () => {
  it('stores the pictures an HTML file names beside it, and nothing outside its folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-beside-'));
    const png = Buffer.from(PNG_BASE64, 'base64');
    const page = path.join(dir, 'saved');
    mkdirSync(path.join(page, 'page_files'), { recursive: true });
    writeFileSync(path.join(page, 'page_files', 'map.png'), png);
    writeFileSync(path.join(dir, 'secret.png'), png);
    symlinkSync(path.join(dir, 'secret.png'), path.join(page, 'page_files', 'link.png'));
    const para = 'The ministry published a map of the strikes, region by region, with the damage to the grid. ';
    writeFileSync(
      path.join(page, 'page.html'),
      `<html><head><title>Map</title></head><body><article><p>${para.repeat(4)}</p>
       <figure><img src="page_files/map.png" alt="The map"><figcaption>Strikes by region.</figcaption></figure>
       <img src="../secret.png" alt="outside"><img src="page_files/link.png" alt="symlink out">
       <p>${para.repeat(3)}</p></article></body></html>`,
    );
    const core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    try {
      const [r] = await importPaths(core.ctx, [path.join(page, 'page.html')], () => {}, { pool: false });
      const a = (await core.api.getArticle(r!.id!))!;
      const images = a.blocks!.filter((b) => b.kind === 'image');
      expect(images.map((b) => b.alt)).toEqual(['The map']);
      expect((await core.api.getArticleImage(a.id, images[0]!.image!))!.dataUrl).toBe(
        `data:image/png;base64,${PNG_BASE64}`,
      );
      // The caption follows its picture.
      expect(a.blocks!.find((b) => b.kind === 'figcaption')!.start).toBe(images[0]!.start);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
