// What two devices see after editing the same things at once, synced through a folder: the same library,
// with both sides' work kept (merged, or side by side where they collide).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeText } from '../../../electron/core/sync/merge-text.js';
import type { SyncServiceOptions } from '../../../electron/core/sync/index.js';
import { filledLib, type Lib, noteBody, openLib, tempDir } from './helpers.js';

const open: Lib[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.core.close();
});

async function pair(opts: Partial<SyncServiceOptions> = {}) {
  const target = tempDir('target');
  const a = await filledLib(tempDir('a'), opts);
  open.push(a.lib);
  const b = await openLib(tempDir('b'), opts);
  open.push(b);
  await a.lib.sync.syncWithTarget(target);
  await b.sync.syncWithTarget(target);
  return { target, a: a.lib, b, ...a };
}

describe('three-way note merge', () => {
  it('takes both sides when they changed different lines, and keeps both where they changed the same', () => {
    expect(mergeText('a\nb\nc\nd', 'A\nb\nc\nd', 'a\nb\nc\nD', 'x', 'y')).toEqual({ text: 'A\nb\nc\nD', conflicts: 0 });
    const m = mergeText('a\nb\nc', 'a\nB1\nc', 'a\nB2\nc', 'laptop', 'desktop');
    expect(m.conflicts).toBe(1);
    expect(m.text).toBe('a\n<<<<<<< laptop\nB1\n=======\nB2\n>>>>>>> desktop\nc');
  });
});

describe('sync between two libraries through a folder', () => {
  it('brings the article, highlight and note to the second device', async () => {
    const { b, articleId, passageId, noteId } = await pair();
    expect((await b.core.api.getArticle(articleId))?.title).toMatch(/Drones/i);
    expect((await b.core.api.getPassage(passageId))?.quote.exact.length).toBe(40);
    expect(await noteBody(b, noteId)).toBe('Line one\nLine two\nLine three\nLine four');
  });

  it('merges concurrent edits of different lines of a note, and keeps both versions of the same line', async () => {
    const { target, a, b, noteId } = await pair();
    await a.core.api.saveNote(noteId, { body: 'Line one, from A\nLine two\nLine three\nLine four' });
    await b.core.api.saveNote(noteId, { body: 'Line one\nLine two\nLine three\nLine four, from B' });
    for (const l of [a, b, a]) await l.sync.syncWithTarget(target);
    const merged = 'Line one, from A\nLine two\nLine three\nLine four, from B';
    expect(await noteBody(a, noteId)).toBe(merged);
    expect(await noteBody(b, noteId)).toBe(merged);

    await a.core.api.saveNote(noteId, { body: merged.replace('Line two', 'Line two (A)') });
    await b.core.api.saveNote(noteId, { body: merged.replace('Line two', 'Line two (B)') });
    const rb = await b.sync.syncWithTarget(target); // B first: the same text must come out whoever syncs first
    const ra = await a.sync.syncWithTarget(target);
    await b.sync.syncWithTarget(target);
    const textA = await noteBody(a, noteId);
    expect(textA).toBe(await noteBody(b, noteId));
    expect(textA).toContain('Line two (A)');
    expect(textA).toContain('Line two (B)');
    expect(textA).toMatch(/^<<<<<<< version from device d[0-9a-f]+$/m);
    expect(ra.conflicts + rb.conflicts).toBeGreaterThan(0);
    expect((await a.core.api.getSyncStatus()).conflicts).toBeGreaterThan(0);
  });

  it('keeps both texts of an article edited on both devices (a conflict copy), and tags from both', async () => {
    const { target, a, b, articleId } = await pair();
    const text = (await a.core.api.getArticle(articleId))!.text;
    await a.core.api.editArticleText(articleId, `${text}\n\nAdded on A.`);
    await b.core.api.editArticleText(articleId, `${text}\n\nAdded on B.`);
    await a.core.api.addTags([{ kind: 'article', id: articleId }], ['from-a']);
    await b.core.api.addTags([{ kind: 'article', id: articleId }], ['from-b']);
    for (const l of [a, b, a]) await l.sync.syncWithTarget(target);
    for (const l of [a, b]) {
      const list = await l.core.api.listArticles();
      expect(list).toHaveLength(2);
      const texts = await Promise.all(list.map(async (x) => (await l.core.api.getArticle(x.id))!.text));
      expect(texts.some((t) => t.endsWith('Added on A.'))).toBe(true);
      expect(texts.some((t) => t.endsWith('Added on B.'))).toBe(true);
      expect(list.find((x) => x.id === articleId)!.tags.sort()).toEqual(['from-a', 'from-b']);
      expect(list.find((x) => x.id !== articleId)!.title).toMatch(/conflicting copy/);
    }
  });

  it('carries a deletion as a restorable trash entry, and a restore back', async () => {
    const { target, a, b, noteId, articleId } = await pair();
    await b.core.api.deleteNote(noteId);
    await b.core.api.deleteArticle(articleId);
    await b.sync.syncWithTarget(target);
    await a.sync.syncWithTarget(target);
    expect(await a.core.api.getNote(noteId)).toBeNull();
    expect((await a.core.api.listTrash()).map((t) => t.id).sort()).toEqual([articleId, noteId].sort());
    await a.core.api.restoreFromTrash(articleId);
    await a.sync.syncWithTarget(target);
    await b.sync.syncWithTarget(target);
    expect((await b.core.api.getArticle(articleId))?.id).toBe(articleId);
    expect(await b.core.api.listPassages({ articleId })).toHaveLength(1);
  });

  it("keeps an edit made just before a deletion: the trash everywhere holds both devices' lines", async () => {
    const { target, a, b, noteId } = await pair();
    await b.core.api.saveNote(noteId, {
      body: 'Line one\nLine two\nLine three\nLine four\nAdded on B before deleting',
    });
    await b.core.api.deleteNote(noteId);
    await a.core.api.saveNote(noteId, { body: 'Added on A\nLine one\nLine two\nLine three\nLine four' });
    await a.sync.syncWithTarget(target);
    await b.sync.syncWithTarget(target);
    await a.sync.syncWithTarget(target);
    for (const l of [a, b]) {
      expect(await l.core.api.getNote(noteId)).toBeNull();
      const inTrash = (await l.core.ctx.store.getTrashItems()).find((t) => t.id === noteId)?.note?.body;
      expect(inTrash).toBe('Added on A\nLine one\nLine two\nLine three\nLine four\nAdded on B before deleting');
    }
  });

  it('compacts segments every device has applied; a new device starts from the snapshots', async () => {
    // A snapshot every 2 segments (the default is 20), so the test sees one cover the edits.
    const { target, a, b, noteId } = await pair({ run: { snapshotEvery: 2 } });
    const deviceA = (await a.core.api.getSyncStatus()).device!;
    const segsOf = (d: string) => readdirSync(path.join(target, 'devices', d)).filter((n) => n.endsWith('.seg'));
    for (let i = 0; i < 3; i++) {
      await a.core.api.saveNote(noteId, { body: `Edit ${i}` });
      await a.sync.syncWithTarget(target);
    }
    expect(segsOf(deviceA).length).toBeGreaterThan(0); // B has not applied them yet: kept
    await b.sync.syncWithTarget(target);
    await a.sync.syncWithTarget(target); // sees B's progress; its snapshot covers them: removed
    expect(segsOf(deviceA).length).toBeLessThan(2);
    const c = await openLib(tempDir('c'));
    open.push(c);
    const r = await c.sync.syncWithTarget(target);
    expect(r.segmentsApplied).toBeLessThan(2);
    expect(await noteBody(c, noteId)).toBe('Edit 2');
    expect((await c.core.api.listArticles()).length).toBe(1);
  });

  it('skips a truncated or altered segment with a warning and applies the rest', async () => {
    const { target, a, b, noteId } = await pair();
    await a.core.api.saveNote(noteId, { body: 'Edited once' });
    await a.sync.syncWithTarget(target);
    await a.core.api.createNote({ title: 'Second', body: 'Another note' });
    await a.sync.syncWithTarget(target);
    const dev = readdirSync(path.join(target, 'devices')).find(
      (d) => readdirSync(path.join(target, 'devices', d)).filter((n) => n.endsWith('.seg')).length >= 2,
    )!;
    const segs = readdirSync(path.join(target, 'devices', dev))
      .filter((n) => n.endsWith('.seg'))
      .sort();
    const first = path.join(target, 'devices', dev, segs[segs.length - 2]!);
    const bytes = readFileSync(first);
    writeFileSync(first, bytes.subarray(0, bytes.length - 20)); // truncated
    const r = await b.sync.syncWithTarget(target);
    expect(r.warnings.join('\n')).toMatch(/incomplete or altered/);
    expect(await noteBody(b, noteId)).not.toBe('Edited once'); // the damaged segment's change is not applied
    expect((await b.core.api.listNotes()).map((n) => n.title)).toContain('Second'); // the rest is
    writeFileSync(first, bytes); // the engine delivers it whole later: applied then
    const again = await b.sync.syncWithTarget(target);
    expect(again.warnings).toEqual([]);
    expect(await noteBody(b, noteId)).toBe('Edited once');
  });
});
