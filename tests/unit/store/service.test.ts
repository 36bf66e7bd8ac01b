import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/core/contract.js';
import { openCore } from '../../../electron/core/core.js';
import { cleanup, tempLibrary } from './helpers.js';

afterEach(cleanup);

describe('store admin API (what the app and browser mode call)', () => {
  it('backs up, checks, restores by id (other rooms hear what changed) and empties the trash', async () => {
    const dir = tempLibrary();
    const core = await openCore({ libraryDir: dir, mode: 'cli' });
    const { api } = core;
    const n = await api.createNote({ body: '# Before the backup\n\nIranian drones over Kyiv.' });
    const b = await api.backup();
    expect((await api.listBackups()).map((x) => x.id)).toEqual([b.id]);
    const later = await api.createNote({ body: 'written after the backup' });
    expect((await api.doctor()).healthy).toBe(true);

    const removed: string[] = [];
    core.ctx.events.on('note:removed', (id) => removed.push(id));
    const r = await api.restoreBackup(b.id);
    expect(r.restoredFrom).toBe(b.path);
    expect((await api.listNotes()).map((x) => x.id)).toEqual([n.id]);
    expect(removed).toEqual([later.id]);

    await api.deleteNote(n.id);
    expect((await api.listTrash()).map((t) => t.id)).toEqual([n.id]);
    await api.emptyTrash();
    expect(await api.listTrash()).toEqual([]);
    expect(await api.getNote(n.id)).toBeNull();
    await core.close();
  });

  it('restore by id only: a front end cannot point it at another folder', () => {
    expect(() => parseArgs('restoreBackup', ['../../etc'])).toThrow(/not a backup id/);
    expect(() => parseArgs('restoreBackup', ['/tmp/x'])).toThrow(/not a backup id/);
    expect(parseArgs('restoreBackup', ['2026-11-22T01-02-03-456Z'])).toEqual(['2026-11-22T01-02-03-456Z']);
    expect(parseArgs('restoreBackup', [])).toEqual([]);
  });
});
