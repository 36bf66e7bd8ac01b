// A PDF passage's pages in every export that cites it: Markdown (highlights and note quotes),
// CSL-JSON (the locator, valid against the CSL data schema), W3C (a FragmentSelector page=N).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { cslDataSchema } from '../export/csl-data-schema.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/pdf/two-column.pdf');
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(cslDataSchema);

let lib: string;
let core: Core;
beforeEach(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-export-'));
  core = await openCore({ libraryDir: lib, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(lib, { recursive: true, force: true });
});

it('a passage across a page break is cited as pp. 1–2 in Markdown, CSL-JSON and W3C exports', async () => {
  const [r] = await core.api.importFiles([
    { name: 'two-column.pdf', dataBase64: readFileSync(fixture).toString('base64') },
  ]);
  const a = (await core.api.getArticle(r!.id!))!;
  const br = a.pages![1]!.start;
  const p = await core.api.addPassage({ articleId: a.id, start: br - 25, end: br + 25 });
  const note = await core.api.createNote({ body: `See [the passage](scholia://passage/${p.id}).`, articleId: null });

  const md = await core.api.exportData({ format: 'md', scope: { noteIds: [note.id], articleIds: [a.id] } });
  const all = md.files.map((f) => f.text ?? '').join('\n');
  expect(all).toMatch(/“[^”]+” \(pp\. 1–2\)/); // the article's highlight list
  expect(all).toMatch(/> — [^\n]*pp\. 1–2/); // the note's quote, cited with its pages

  const csl = await core.api.exportData({ format: 'csl', scope: { noteIds: [note.id] } });
  const items = JSON.parse(csl.files[0]!.text!) as Record<string, unknown>[];
  expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
  expect(items[0]).toMatchObject({ title: a.title, locator: '1–2', 'number-of-pages': 3 });

  const w3c = await core.api.exportData({ format: 'w3c', scope: { articleIds: [a.id] } });
  const anno = JSON.parse(w3c.files[0]!.text!) as { first: { items: { target: { selector: unknown[] } }[] } };
  expect(anno.first.items[0]!.target.selector).toContainEqual({
    type: 'FragmentSelector',
    conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
    value: 'page=1',
  });
});
