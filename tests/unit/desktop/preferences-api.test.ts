// Preferences through the contract (what the Preferences dialog calls in both front ends):
// the app's own in the user-data folder, the backup schedule in the library, switching libraries.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/core/contract.js';
import { backupsToKeep } from '../../../electron/core/store/backups.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { PreferencesFile } from '../../../electron/desktop/preferences.js';
import { LibraryHost } from '../../../electron/library-session.js';
import { note } from '../store/helpers.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'scholia-prefs-api-'));
  dirs.push(d);
  return d;
};
const hosts: LibraryHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function host(dir: string, prefsFile: string) {
  const h = new LibraryHost(dir, { mode: 'browser' }, { preferences: new PreferencesFile(prefsFile) });
  hosts.push(h);
  return h;
}

describe('preferences through the API', () => {
  it('defaults, then changes that persist: appearance in user data, backups in the library', async () => {
    const base = tmp();
    const lib = path.join(base, 'lib');
    const prefsFile = path.join(base, 'user-data', 'preferences.json');
    let h = host(lib, prefsFile);
    expect(await h.api.getPreferences()).toEqual({
      libraryDir: lib,
      recentLibraries: [],
      theme: 'system',
      readerFont: 'serif',
      readerFontSize: 18,
      backupIntervalHours: 1,
      backupKeep: 60,
      canSwitchLibrary: true,
    });
    const after = await h.api.setPreferences({
      theme: 'dark',
      readerFontSize: 21,
      backupIntervalHours: 24,
      backupKeep: 5,
    });
    expect(after).toMatchObject({ theme: 'dark', readerFontSize: 21, backupIntervalHours: 24, backupKeep: 5 });
    expect(JSON.parse(readFileSync(prefsFile, 'utf8'))).toMatchObject({ theme: 'dark', readerFontSize: 21 });
    expect(
      readFileSync(path.join(lib, 'journal.jsonl'), 'utf8') + readFileSync(path.join(lib, 'library.json'), 'utf8'),
    ).toMatch(/backupKeep/);
    await h.close();
    hosts.pop();
    h = host(lib, prefsFile);
    expect(await h.api.getPreferences()).toMatchObject({
      theme: 'dark',
      readerFontSize: 21,
      backupIntervalHours: 24,
      backupKeep: 5,
    });
  });

  it('bad values are refused at the boundary with a clear message, nothing saved', () => {
    expect(() => parseArgs('setPreferences', [{ readerFontSize: 400 }])).toThrow(/readerFontSize|28/);
    expect(() => parseArgs('setPreferences', [{ theme: 'neon' }])).toThrow();
    expect(() => parseArgs('setPreferences', [{ libraryDir: '/etc' }])).toThrow(); // not settable this way
    expect(() => parseArgs('switchLibrary', ['/x', 'delete'])).toThrow();
    expect(parseArgs('switchLibrary', ['/x', 'open'])).toEqual(['/x', 'open']);
  });

  it('switching: a new library, then back through the recent list; the list remembers both', async () => {
    const base = tmp();
    const a = path.join(base, 'a');
    const b = path.join(base, 'b');
    const prefsFile = path.join(base, 'preferences.json');
    const h = host(a, prefsFile);
    await h.api.createNote({ title: 'In A', body: 'note in library A' });
    const info = await h.api.switchLibrary(b, 'create');
    expect(info.libraryDir).toBe(b);
    expect(await h.api.listNotes()).toEqual([]);
    expect((await h.api.getPreferences()).recentLibraries).toEqual([b, a]);
    await h.api.switchLibrary(a, 'open');
    expect((await h.api.listNotes()).map((n) => n.title)).toEqual(['In A']);
    expect((await h.api.getPreferences()).recentLibraries).toEqual([a, b]);
  });

  it('a damaged library still lets the user switch away to another one', async () => {
    const base = tmp();
    const bad = path.join(base, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'library.json'), '{ this is not json');
    const good = path.join(base, 'good');
    const h = host(bad, path.join(base, 'preferences.json'));
    expect((await h.api.getInfo()).recovery).toBeDefined();
    expect((await h.api.getPreferences()).libraryDir).toBe(bad);
    await h.api.switchLibrary(good, 'create');
    expect((await h.api.getInfo()).recovery).toBeUndefined();
    expect(existsSync(path.join(good, 'library.json'))).toBe(true);
  });
});

describe('backup schedule', () => {
  it('"Backups to keep" caps the rotation: the newest first, then the spread ones', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const hoursAgo = (h: number) => ({ id: `b${h}`, createdAt: new Date(now.getTime() - h * 3600_000).toISOString() });
    const backups = [0.1, 0.2, 0.3, 2, 5, 30, 60, 100].map(hoursAgo);
    expect(backupsToKeep(backups, now).size).toBe(8);
    expect([...backupsToKeep(backups, now, 5)].sort()).toEqual(['b0.1', 'b0.2', 'b0.3', 'b2', 'b5']);
    expect([...backupsToKeep(backups, now, 1)]).toEqual(['b0.1']);
  });

  it('automatic backups follow the library’s interval; 0 turns them off', async () => {
    const take = async (hours: number) => {
      const dir = path.join(tmp(), 'lib');
      const s = new JsonStore(dir, { autoBackupDelayMs: 30 });
      await s.open();
      await s.putNote(note('n_1', 'something to back up'));
      await s.setSetting('backupIntervalHours', hours);
      await new Promise((r) => setTimeout(r, 400));
      const n = (await s.listBackups()).length;
      await s.close();
      return n;
    };
    expect(await take(1)).toBeGreaterThan(0);
    expect(await take(0)).toBe(0);
  });
});
