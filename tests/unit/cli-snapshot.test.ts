// The snapshot the CLI's read-only commands read (electron/core/store/snapshot.ts), taken again and
// again while a writer keeps saving notes and folding its journal into library.json: every snapshot
// is a state the library really passed through (notes only ever added, each with its own text),
// never one with a fold's changes missing or applied twice.
import { afterEach, expect, it } from 'vitest';
import { JsonStore } from '../../electron/core/store/json-store.js';
import { SnapshotStore } from '../../electron/core/store/snapshot.js';
import { type LibraryStore, StoreError } from '../../electron/core/store/types.js';
import { cleanup, note, tempLibrary } from './store/helpers.js';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

afterEach(cleanup);

it('reads only states the writer passed through while it saves and folds its journal', async () => {
  const dir = tempLibrary();
  // A tiny fold threshold: the journal is folded into library.json every few saves.
  const writer = new JsonStore(dir, { autoBackupDelayMs: 0, compactBytes: 1 });
  await writer.open();
  const N = 120;
  let done = false;
  const writing = (async () => {
    for (let i = 0; i < N; i++) await writer.putNote(note(`n_${String(i).padStart(4, '0')}`, `text ${i}`));
    done = true;
  })();
  const seen: number[] = [];
  while (!done) {
    const snap = new SnapshotStore(dir);
    await snap.open();
    const notes = snap.listNotes();
    for (const [i, n] of notes.entries()) {
      expect(n.id).toBe(`n_${String(i).padStart(4, '0')}`); // a prefix of the saves, in order, none twice
      expect((await snap.getNote(n.id))?.body).toBe(`text ${i}`);
    }
    seen.push(notes.length);
    await snap.close();
  }
  await writing;
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
  expect(new Set(seen).size).toBeGreaterThan(3); // it really read while the writer was busy
  const last: LibraryStore = new SnapshotStore(dir);
  await last.open();
  expect(last.listNotes()).toHaveLength(N);
  await expect(last.putNote(note('n_x', 'no'))).rejects.toBeInstanceOf(StoreError);
  await last.close();
  await writer.close();
});

it('reads again when the writer folds its journal between the index and the journal', async () => {
  const dir = tempLibrary();
  const writer = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await writer.open();
  await writer.putNote(note('n_a', 'saved before the snapshot')); // in the journal only
  let folds = 0;
  const snap = new SnapshotStore(dir, {
    beforeJournalRead: async () => {
      if (folds++ > 0) return;
      // A save larger than the fold threshold (1 MB): library.json gets both notes, the journal is emptied.
      await writer.putNote(note('n_b', 'x'.repeat(1_100_000)));
    },
  });
  await snap.open();
  expect(folds).toBeGreaterThan(1);
  expect(snap.listNotes().map((n) => n.id)).toEqual(['n_a', 'n_b']);
  expect((await snap.getNote('n_a'))?.body).toBe('saved before the snapshot');
  await snap.close();
  await writer.close();
});

it("hands the rooms copies of their derived indexes in a scratch folder, never the library's own files", async () => {
  const dir = tempLibrary();
  const writer = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await writer.open();
  await writer.putNote(note('n_1', 'indexed'));
  writeFileSync(path.join(dir, 'search-index.bin'), 'a derived index');
  writeFileSync(path.join(dir, 'library.json.damaged-20260101'), 'not for rooms');
  const snap = new SnapshotStore(dir);
  await snap.open();
  expect(snap.dir).not.toBe(dir);
  expect(readdirSync(snap.dir).sort()).toEqual(['search-index.bin']);
  expect(readFileSync(path.join(snap.dir, 'search-index.bin'), 'utf8')).toBe('a derived index');
  await snap.close();
  expect(existsSync(snap.dir)).toBe(false);
  await writer.close();
});

it('gives up with a clear message when the journal never follows on from the index', async () => {
  const dir = tempLibrary();
  const writer = new JsonStore(dir, { autoBackupDelayMs: 0 });
  await writer.open();
  await writer.close();
  // Records 8 and 9 after an index at seq 0: what a fold between the two reads looks like, forever.
  const rec = (seq: number) => JSON.stringify({ seq, op: 'setSetting', key: 'k', value: seq });
  writeFileSync(path.join(dir, 'journal.jsonl'), `${rec(8)}\n${rec(9)}\n`);
  const snap = new SnapshotStore(dir);
  await expect(snap.open()).rejects.toThrow(/kept changing while it was read/);
});
