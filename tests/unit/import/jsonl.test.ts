// JSON Lines: one article per line; bad lines reported with their number, the rest imported.
import { describe, expect, it } from 'vitest';
import { extractArticles, extractWithReport } from '../../../electron/core/import/registry.js';
import { hasShared, jsonlLines } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON Lines import', () => {
  it('imports good lines and reports each bad one with its line number', async () => {
    const lines = [
      JSON.stringify({
        title: 'First',
        text: 'Para one.\n\nPara two.',
        url: 'https://a.example/1',
        source: 'Outlet A',
        published: '2022-10-27',
        author: 'Ann',
        tags: ['x', 'y'],
      }),
      '{"title": "broken", "text": ',
      '',
      JSON.stringify({ title: 'No body' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ title: 'Second', html: '<p>Hello <b>world</b>.</p><script>x()</script><p>Bye.</p>' }),
    ];
    const { articles, failures } = await extractWithReport({ name: 'batch.jsonl', bytes: enc(lines.join('\n')) });
    expect(articles.map((a) => a.title)).toEqual(['First', 'Second']);
    expect(articles[0]).toMatchObject({
      text: 'Para one.\n\nPara two.',
      source: 'Outlet A',
      author: 'Ann',
      tags: ['x', 'y'],
      published: '2022-10-27',
      format: 'jsonl',
    });
    expect(articles[1]).toMatchObject({ text: 'Hello world.\n\nBye.' });
    expect(articles[1]!.html).not.toContain('script');
    expect(failures.map((f) => f.where)).toEqual(['batch.jsonl line 2', 'batch.jsonl line 4', 'batch.jsonl line 5']);
    expect(failures[0]!.error).toMatch(/not valid JSON/);
    expect(failures[1]!.error).toMatch(/neither a "text" nor an "html"/);
  });

  it('fails the whole file only when no line can be imported', async () => {
    await expect(extractArticles({ name: 'bad.jsonl', bytes: enc('nope\n{"x":1}\n') })).rejects.toThrow(
      /bad\.jsonl: none of its 2 line\(s\) could be imported \(bad\.jsonl line 1: not valid JSON/,
    );
  });

  it.skipIf(!hasShared)('imports a real JSON Lines corpus (BASIL) with titles, outlets and dates', async () => {
    const rows = jsonlLines('news/basil/articles.jsonl', 10);
    const bytes = enc(
      rows
        .map((r) => JSON.stringify({ title: r.title, text: r.text, source: r.source, url: r.url, published: r.date }))
        .join('\n'),
    );
    const { articles, failures } = await extractWithReport({ name: 'basil.jsonl', bytes });
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(rows.length);
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    articles.forEach((a, i) => {
      const title = flat(String(rows[i]!.title));
      expect(a.title).toBe(title);
      expect(a.source).toBe(rows[i]!.source);
      // Every paragraph kept; a headline repeated as the first paragraph is not text.
      const paragraphs = String(rows[i]!.text)
        .split(/\n\s*\n/)
        .map(flat)
        .filter(Boolean);
      if (paragraphs[0] === title) paragraphs.shift();
      expect(a.text.split('\n\n').map(flat)).toEqual(paragraphs);
    });
  });
});
