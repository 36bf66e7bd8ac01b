// PDF.js's Node build bundles core-js, which replaces JSON.parse, JSON.stringify and
// Array.prototype.push with JavaScript versions when it loads. Left in place, every save after
// the first PDF import got many times slower and hungrier (storing a 458-page PDF's body
// allocated over 400 MB): reading a PDF must leave the process's builtins as they were.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readLayout } from '../../../electron/core/import/pdf/extract.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/pdf/two-column.pdf');

it('reading a PDF leaves JSON, Array.prototype.push and Function.prototype.toString native', async () => {
  const before = {
    parse: JSON.parse,
    stringify: JSON.stringify,
    push: Array.prototype.push,
    toString: Function.prototype.toString,
  };
  // Each test file runs in its own process: PDF.js is not loaded yet.
  const { text } = await readLayout(new Uint8Array(readFileSync(fixture)), 'two-column.pdf');
  expect(text.text.length).toBeGreaterThan(1000);
  expect({
    parse: JSON.parse,
    stringify: JSON.stringify,
    push: Array.prototype.push,
    toString: Function.prototype.toString,
  }).toStrictEqual(before);
  // And PDF.js still reads a second PDF with them (its worker code was loaded with it, not later).
  const again = await readLayout(new Uint8Array(readFileSync(fixture)), 'two-column.pdf');
  expect(again.text.text).toBe(text.text);
  expect(JSON.stringify).toBe(before.stringify);
});
