// Bad input: each case is a clear per-file ImportError, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { extractArticles, extractWithReport, pickFormat } from '../../../electron/core/import/registry.js';
import { ImportError } from '../../../electron/core/import/types.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function failure(name: string, bytes: Uint8Array): Promise<ImportError> {
  const err = await extractArticles({ name, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe('bad input', () => {
  it('a PNG image saved with an .html name', async () => {
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...new Array(200).fill(7),
    ]);
    expect((await failure('page.html', png)).message).toBe(
      'page.html is not a text file (it looks like PNG image); nothing was imported from it.',
    );
  });

  it('arbitrary binary bytes with a .txt name', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await failure('notes.txt', bytes)).message).toMatch(/notes\.txt is not a text file/);
  });

  it('an empty file', async () => {
    expect((await failure('empty.html', new Uint8Array())).message).toBe(
      'empty.html is empty (0 bytes): nothing to import.',
    );
  });

  it('a file of only whitespace', async () => {
    expect((await failure('blank.txt', enc('  \n\n \t\n'))).message).toMatch(/blank\.txt holds no text/);
  });

  it('a 50 MB page is refused by its size, before parsing', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    big.set(enc('<html><body><p>'), 0);
    const err = await failure('dump.html', big);
    expect(err.message).toMatch(
      /^dump\.html is 50\.0 MB, above the 20\.0 MB limit for one article; it was not imported\./,
    );
  });

  it('invalid UTF-8 in a file that is otherwise UTF-8', async () => {
    const bytes = new Uint8Array([...enc('<p>Crème brûlée — «ok»</p>'), 0xe2, 0x28, 0xa1, ...enc('<p>more</p>')]);
    expect((await failure('mixed.html', bytes)).message).toMatch(
      /mixed\.html is not valid UTF-8 \(\d+ invalid bytes?, the first at byte 33\)/,
    );
  });

  it('HTML nested 100,000 levels deep, without a stack overflow', async () => {
    const n = 100_000;
    const html = `<html><body>${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}</body></html>`;
    expect((await failure('deep.html', enc(html))).message).toMatch(
      /deep\.html nests its elements more than 256 levels deep/,
    );
  });

  it('HTML nested just under the limit still imports', async () => {
    const n = 250;
    const html = `<html><body>${'<div>'.repeat(n)}<p>${'Deep but real words. '.repeat(30)}</p>${'</div>'.repeat(n)}</body></html>`;
    const [a] = await extractArticles({ name: 'deep-ok.html', bytes: enc(html) });
    expect(a!.text).toMatch(/^Deep but real words\./);
  });

  it('a JSON line whose HTML nests too deep fails alone', async () => {
    const deep = `${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}`;
    const lines = [
      JSON.stringify({ title: 'Deep', html: deep }),
      JSON.stringify({ title: 'Fine', text: 'Fine text.' }),
    ].join('\n');
    const { articles, failures } = await extractWithReport({ name: 'mix.jsonl', bytes: enc(lines) });
    expect(articles.map((a) => a.title)).toEqual(['Fine']);
    expect(failures).toEqual([
      { where: 'mix.jsonl line 1', error: expect.stringMatching(/nests its elements more than 256 levels deep/) },
    ]);
  });

  it('reasonably nested HTML with unclosed paragraphs still imports', async () => {
    const html = `<html><body><article>${'<p>A sentence of an article that goes on for a while to be long enough. '.repeat(3000)}</article></body></html>`;
    const [a] = await extractArticles({ name: 'unclosed.html', bytes: enc(html) });
    expect(a!.text.split('\n\n')).toHaveLength(3000);
  });

  it('an unsupported file type', async () => {
    expect(() => pickFormat({ name: 'report.docx', bytes: enc('PK') })).toThrow(
      /report\.docx: \.docx files cannot be imported \(supported: \.html/,
    );
  });

  it('picks formats by name, MIME type, then content', () => {
    expect(pickFormat({ name: 'a.htm', bytes: enc('x') }).id).toBe('html');
    expect(
      pickFormat({
        name: 'https://example.org/story',
        bytes: enc('x'),
        mime: 'text/html; charset=utf-8',
        url: 'https://example.org/story',
      }).id,
    ).toBe('html');
    expect(pickFormat({ name: 'Pasted', bytes: enc('<p>Hello</p>') }).id).toBe('html');
    expect(pickFormat({ name: 'Pasted', bytes: enc('---\ntitle: x\n---\nbody') }).id).toBe('md');
    expect(pickFormat({ name: 'Pasted', bytes: enc('Just words.') }).id).toBe('txt');
  });
});
