import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrashTracker } from '../../../electron/desktop/crash.js';
import {
  defaultPreferences,
  MAX_RECENT,
  parsePreferences,
  PreferencesFile,
  withLibrary,
} from '../../../electron/desktop/preferences.js';

describe('a crashed renderer', () => {
  it('offers a reload (the default), says the saved work is safe; a clean exit shows nothing', () => {
    const t = new CrashTracker();
    expect(t.onGone('clean-exit', 0)).toBeNull();
    const d = t.onGone('crashed', 1_000)!;
    expect(d.message).toBe('The window’s page crashed.');
    expect(d.actions[d.defaultId]).toBe('reload');
    expect(d.detail).toMatch(/safe on disk/);
    expect(t.onGone('oom', 2_000)!.message).toMatch(/out of memory/);
  });

  it('a third crash within a minute suggests quitting instead of a reload loop; later crashes start afresh', () => {
    const t = new CrashTracker();
    t.onGone('crashed', 0);
    t.onGone('crashed', 10_000);
    const third = t.onGone('crashed', 20_000)!;
    expect(third.actions[third.defaultId]).toBe('quit');
    expect(third.detail).toMatch(/3 times in the last minute/);
    expect(third.buttons).toContain('Reload anyway');
    const later = t.onGone('killed', 200_000)!;
    expect(later.actions[later.defaultId]).toBe('reload');
  });
});

describe('app preferences', () => {
  it('a missing, damaged or hand-edited file falls back field by field', () => {
    expect(parsePreferences('')).toEqual(defaultPreferences());
    expect(parsePreferences('[1,2]').theme).toBe('system');
    const p = parsePreferences(
      JSON.stringify({
        theme: 'neon',
        readerFont: 'sans',
        readerFontSize: 400,
        libraryDir: 'relative/x',
        recentLibraries: ['/a', 'b', '/a', 7],
      }),
    );
    expect(p).toEqual({ ...defaultPreferences(), readerFont: 'sans', readerFontSize: 28, recentLibraries: ['/a'] });
  });

  it('switching library puts it first in the recent list, without duplicates, at most MAX_RECENT', () => {
    let p = defaultPreferences();
    for (let i = 0; i < 12; i++) p = withLibrary(p, `/lib/${i}`);
    p = withLibrary(p, '/lib/5');
    expect(p.libraryDir).toBe('/lib/5');
    expect(p.recentLibraries[0]).toBe('/lib/5');
    expect(p.recentLibraries).toHaveLength(MAX_RECENT);
    expect(new Set(p.recentLibraries).size).toBe(MAX_RECENT);
  });

  it('saved atomically and read back', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-prefs-'));
    try {
      const f = new PreferencesFile(path.join(dir, 'sub', 'preferences.json'));
      expect(f.load()).toEqual(defaultPreferences());
      const p = { ...withLibrary(defaultPreferences(), dir), theme: 'dark' as const, readerFontSize: 20 };
      f.save(p);
      expect(f.load()).toEqual(p);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
