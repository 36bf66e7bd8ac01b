// The fast subset of `npm run bench -- store`, as ratios measured in this
// process (no absolute timing, so a loaded machine cannot fail it): a note
// autosave writes about the same number of bytes whatever the library's size.
// Before the journal, lowdb rewrote the whole index on every save (10k
// articles: 79 MB a keystroke pause); this guards that it never comes back.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { generate } from '../../../bench/store.bench.js';
import { writeStats } from '../../../electron/core/store/durable-fs.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import type { Note } from '../../../electron/core/model.js';

async function bytesPerNoteSave(articles: number): Promise<number> {
  const dir = generate(articles, 100, 0);
  const store = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await store.open();
  try {
    const n = (await store.getNote(store.listNotes()[0]!.id))!;
    const saves = 20;
    const before = writeStats.bytes;
    for (let i = 0; i < saves; i++) {
      const next: Note = { ...n, body: `${n.body.slice(0, 2000)} edit ${i}`, updatedAt: new Date().toISOString() };
      await store.putNote(next);
    }
    return (writeStats.bytes - before) / saves;
  } finally {
    await store.close();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

it('writes as many bytes per note autosave at 10k articles as at 1k', async () => {
  const small = await bytesPerNoteSave(1_000);
  const large = await bytesPerNoteSave(10_000);
  console.log(
    `note autosave: ${small.toFixed(0)} bytes at 1k articles, ${large.toFixed(0)} at 10k (${(large / small).toFixed(2)}x)`,
  );
  expect(small).toBeGreaterThan(2000); // the note's text is written: the measurement sees the save
  expect(large / small).toBeLessThan(1.5);
}, 180_000);
