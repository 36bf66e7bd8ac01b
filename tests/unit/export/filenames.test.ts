import { describe, expect, it } from 'vitest';
import { NameAllocator, safeFileName, safeStem } from '../../../electron/core/export/filenames.js';

describe('safe file names', () => {
  it('never turns a title into a path (no traversal from ../../x)', () => {
    for (const t of ['../../x', '..\\..\\x', '/etc/passwd', 'C:\\Windows\\x', '..', '.', './.hidden']) {
      const name = safeFileName(t, 'md');
      expect(name).not.toMatch(/[/\\]/);
      expect(name.startsWith('.')).toBe(false);
    }
    expect(safeFileName('../../x', 'md')).toBe('x.md');
  });

  it('renames Windows reserved device names, with or without extension', () => {
    for (const t of ['CON', 'con', 'PRN', 'AUX', 'NUL', 'COM1', 'lpt9', 'nul.tar', 'COM¹']) {
      const stem = safeStem(t);
      expect(stem.split('.')[0]!.toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/);
    }
    expect(safeStem('Console')).toBe('Console');
  });

  it('removes characters Windows refuses and those that break wikilinks', () => {
    const name = safeFileName('What? "Drones" <Iran>: a|b*c [1] #tag ^x\u0001', 'md');
    expect(name).not.toMatch(/[<>:"|?*\u0000-\u001f[\]#^]/);
    expect(name).toBe('What Drones Iran a b c 1 tag x.md');
  });

  it('drops trailing dots and spaces (Windows strips them) and never returns an empty name', () => {
    expect(safeStem('Notes...  ')).toBe('Notes');
    expect(safeStem('   ')).toBe('Untitled');
    expect(safeStem('???', 'Untitled note')).toBe('Untitled note');
  });

  it('keeps names within file-system limits without splitting characters', () => {
    const long = 'Укра́їна '.repeat(80) + '😀'.repeat(50);
    const name = safeFileName(long, 'md');
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(200);
    expect(name).not.toContain('\uFFFD');
    expect(name.endsWith('.md')).toBe(true);
  });

  it('gives distinct names, case-insensitively, avoiding files already there', () => {
    const a = new NameAllocator(['notes.md']);
    expect(a.allocate('Notes', 'md')).toBe('Notes (2).md');
    expect(a.allocate('NOTES', 'md')).toBe('NOTES (3).md');
    expect(a.allocate('Other', 'md')).toBe('Other.md');
    expect(a.allocate('other', 'md')).toBe('other (2).md');
  });
});
