// A backup carries a paper's footnote, caption and reference blocks: restoring it gives the reader
// the same marks (the backup schema lists every block kind it accepts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { importInterchange } from '../../../electron/core/interop/api.js';

const dirs: string[] = [];
const cores: Core[] = [];
async function open(): Promise<Core> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-backup-'));
  dirs.push(dir);
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  cores.push(core);
  return core;
}
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("restores a paper's footnotes, captions and references from a backup", async () => {
  const source = await open();
  const data = readFileSync(path.resolve(import.meta.dirname, '../../fixtures/pdf/paper.pdf')).toString('base64');
  const [r] = await source.api.importFiles([{ name: 'paper.pdf', dataBase64: data }]);
  const blocks = (await source.ctx.store.getArticleBody(r!.id!))!.blocks!;
  const kinds = new Set(blocks.map((b) => b.kind));
  for (const k of ['footnote', 'caption', 'reference'] as const) expect(kinds).toContain(k);

  const exported = await source.api.exportData({ format: 'json', scope: {} });
  const target = await open();
  const result = await importInterchange(
    target.ctx,
    'scholia-backup',
    new TextEncoder().encode(exported.files[0]!.text!),
  );
  expect(result).toMatchObject({ status: 'imported', warnings: [] });
  expect((await target.ctx.store.getArticleBody(r!.id!))!.blocks).toEqual(blocks);
});
