// The interop room's own fixtures (electron/core/interop/*/fixtures), read as a
// user's file would be: through detectInterchange and importInterchange.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../electron/core/core.js';
import { detectInterchange, importInterchange } from '../../../electron/core/interop/api.js';
import { tmpDir } from '../export/library.js';

const INTEROP = path.resolve(__dirname, '../../../electron/core/interop');
const backupFixture = (name: string) => readFileSync(path.join(INTEROP, 'backup', 'fixtures', name));

const opened: Core[] = [];
afterAll(async () => {
  for (const c of opened.splice(0)) await c.close();
});
async function emptyLibrary() {
  const outer = tmpDir('scholia-interop-');
  const core = await openCore({ libraryDir: path.join(outer, 'library'), mode: 'cli' });
  opened.push(core);
  return { core, outer };
}
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('backup fixtures', () => {
  it('good.json restores', async () => {
    const { core } = await emptyLibrary();
    const bytes = backupFixture('good.json');
    expect(detectInterchange(bytes, 'good.json')).toBe('scholia-backup');
    await expect(importInterchange(core.ctx, 'scholia-backup', bytes)).resolves.toMatchObject({
      articles: 1,
      passages: 1,
      notes: 1,
      warnings: [],
    });
  });

  for (const [name, why] of [
    ['note-id-escapes.json', /notes\.0\.id: is not a valid id/],
    ['article-id-absolute.json', /articles\.0\.meta\.id: is not a valid id/],
    ['article-id-reserved.json', /articles\.0\.meta\.id: is not a valid id/],
    ['passage-id-injects-markup.json', /passages\.0\.id: is not a valid id/],
    ['null-quote.json', /passages\.0\.quote/],
    ['passage-without-selectors.json', /passages\.0\.quote/],
  ] as const) {
    it(`${name} is refused before anything is written, inside or outside the library`, async () => {
      const { core, outer } = await emptyLibrary();
      const before = files(outer);
      await expect(importInterchange(core.ctx, 'scholia-backup', backupFixture(name))).rejects.toThrow(why);
      expect(files(outer)).toEqual(before);
      expect(existsSync('/tmp/scholia-absolute.json')).toBe(false);
    });
  }

  it('javascript-url.json restores without its javascript: link, and says so', async () => {
    const { core } = await emptyLibrary();
    const r = await importInterchange(core.ctx, 'scholia-backup', backupFixture('javascript-url.json'));
    expect(core.ctx.store.getArticleMeta('a_1')?.url).toBe('');
    expect((r as { warnings: string[] }).warnings).toEqual([
      expect.stringMatching(/link "javascript:alert\(document.domain\)" was dropped/),
    ]);
  });
});

describe('annotation fixtures', () => {
  it('hostile-ids.jsonld attaches its notes under ids of our own, inside the library', async () => {
    const { core, outer } = await emptyLibrary();
    await importInterchange(core.ctx, 'scholia-backup', backupFixture('good.json'));
    const bytes = readFileSync(path.join(INTEROP, 'annotations', 'fixtures', 'hostile-ids.jsonld'));
    expect(detectInterchange(bytes, 'hostile-ids.jsonld')).toBe('w3c');
    const r = await importInterchange(core.ctx, 'w3c', bytes);
    expect(r).toMatchObject({ passages: 3, notes: 3, duplicates: 1 });
    for (const f of files(outer)) expect(f).toMatch(/^library\//);
    for (const n of core.ctx.store.listNotes()) expect(n.id).toMatch(/^n_[a-z0-9_]+$/);
  });
});
