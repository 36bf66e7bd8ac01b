// The renderer's shortcuts and palette read the same command table as the native menus.
import { describe, expect, it } from 'vitest';
import { detectPlatform, matches, shortcutLabel, type KeyLike } from '../../../renderer/src/commands/keys.js';
import { filterCommands } from '../../../renderer/src/commands/palette-filter.js';
import { COMMANDS } from '../../../electron/shared/commands.js';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...k,
});

describe('shortcuts', () => {
  it('Ctrl+K on Windows/Linux and Cmd+K on macOS search the library; other modifiers do not', () => {
    const search = COMMANDS.find((c) => c.id === 'search-library')!;
    expect(matches(search.keys.win!, key({ key: 'k', code: 'KeyK', ctrlKey: true }))).toBe(true);
    expect(matches(search.keys.mac!, key({ key: 'k', code: 'KeyK', metaKey: true }))).toBe(true);
    expect(matches(search.keys.win!, key({ key: 'k', code: 'KeyK', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches(search.keys.win!, key({ key: 'k', code: 'KeyK', metaKey: true }))).toBe(false);
  });

  it('Shift changes e.key (P, <) but the physical key still matches: palette and preferences', () => {
    expect(matches('Ctrl+Shift+P', key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches('Cmd+,', key({ key: ',', code: 'Comma', metaKey: true }))).toBe(true);
    expect(matches('Ctrl+,', key({ key: '<', code: 'Comma', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('F1', key({ key: 'F1', code: 'F1' }))).toBe(true);
  });

  it('labels as each platform writes them', () => {
    expect(shortcutLabel('Cmd+Shift+P', 'mac')).toBe('⇧⌘P');
    expect(shortcutLabel('Ctrl+Shift+P', 'win')).toBe('Ctrl+Shift+P');
    expect(shortcutLabel('Cmd+,', 'mac')).toBe('⌘,');
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac');
    expect(detectPlatform({ platform: 'Win32' })).toBe('win');
    expect(detectPlatform({ platform: 'Linux x86_64' })).toBe('linux');
  });
});

describe('palette filter', () => {
  it('every command when empty; word starts rank first', () => {
    expect(filterCommands(COMMANDS, '')).toHaveLength(COMMANDS.length);
    expect(filterCommands(COMMANDS, 'pref').map((c) => c.id)).toEqual(['preferences']);
    expect(filterCommands(COMMANDS, 'new').map((c) => c.id)).toEqual(['new-note', 'new-library']);
    expect(filterCommands(COMMANDS, 'imp fold').map((c) => c.id)).toEqual(['import-folder']);
    expect(filterCommands(COMMANDS, 'zzz')).toEqual([]);
  });
});
