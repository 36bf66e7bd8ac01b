// `scholia import` takes PDFs: a folder of them, and --password for an encrypted one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
let lib: string;
beforeEach(() => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-cli-'));
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

it('imports an encrypted PDF with --password, and names the code when the password is missing or wrong', async () => {
  const file = path.join(dir, 'encrypted.pdf');
  const missing = await runCli(lib, 'import', file, '--json');
  expect(missing.code).toBe(1);
  expect(missing.json()[0]).toMatchObject({ status: 'failed', code: 'password-required' });
  const wrong = await runCli(lib, 'import', file, '--password', 'nope', '--json');
  expect(wrong.json()[0]).toMatchObject({ status: 'failed', code: 'password-wrong' });
  const right = await runCli(lib, 'import', file, '--password', 'secret', '--json');
  expect(right.code).toBe(0);
  expect(right.json()[0]).toMatchObject({ status: 'imported', title: 'Trump Plans Meeting on Arizona Birth Bill' });
});
