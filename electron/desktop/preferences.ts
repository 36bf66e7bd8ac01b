// The app's own preferences, kept in the user-data folder (not in a library):
// which library to open and the recently used ones, and how the app looks.
// What belongs to a library (its backup schedule) lives in the library's settings.
// Plain Node: the desktop app and browser mode (`scholia serve`) share it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Theme = 'system' | 'light' | 'dark';
export type ReaderFont = 'serif' | 'sans' | 'mono';

export interface AppPreferences {
  /** The library opened at start; undefined = the default folder. */
  libraryDir?: string;
  /** Most recent first, without duplicates. */
  recentLibraries: string[];
  theme: Theme;
  readerFont: ReaderFont;
  /** Reader text size in CSS pixels. */
  readerFontSize: number;
}

export const MAX_RECENT = 8;
export const FONT_SIZE = { min: 12, max: 28 } as const;

export const defaultPreferences = (): AppPreferences => ({
  recentLibraries: [],
  theme: 'system',
  readerFont: 'serif',
  readerFontSize: 18,
});

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const FONTS: readonly ReaderFont[] = ['serif', 'sans', 'mono'];

/** Anything malformed falls back to its default, field by field: a bad file never stops the app. */
export function parsePreferences(json: string): AppPreferences {
  const d = defaultPreferences();
  let raw: Partial<AppPreferences>;
  try {
    raw = JSON.parse(json) as Partial<AppPreferences>;
    if (!raw || typeof raw !== 'object') return d;
  } catch {
    return d;
  }
  const recent = Array.isArray(raw.recentLibraries)
    ? raw.recentLibraries.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p))
    : [];
  return {
    libraryDir: typeof raw.libraryDir === 'string' && path.isAbsolute(raw.libraryDir) ? raw.libraryDir : undefined,
    recentLibraries: [...new Set(recent)].slice(0, MAX_RECENT),
    theme: THEMES.includes(raw.theme as Theme) ? (raw.theme as Theme) : d.theme,
    readerFont: FONTS.includes(raw.readerFont as ReaderFont) ? (raw.readerFont as ReaderFont) : d.readerFont,
    readerFontSize:
      typeof raw.readerFontSize === 'number' && Number.isFinite(raw.readerFontSize)
        ? Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(raw.readerFontSize)))
        : d.readerFontSize,
  };
}

/** The library becomes current and moves to the top of the recent list. */
export function withLibrary(prefs: AppPreferences, dir: string): AppPreferences {
  return {
    ...prefs,
    libraryDir: dir,
    recentLibraries: [dir, ...prefs.recentLibraries.filter((p) => p !== dir)].slice(0, MAX_RECENT),
  };
}

/** Reads and writes preferences.json atomically (temp file + rename). */
export class PreferencesFile {
  constructor(readonly file: string) {}

  load(): AppPreferences {
    try {
      return parsePreferences(readFileSync(this.file, 'utf8'));
    } catch {
      return defaultPreferences();
    }
  }

  save(prefs: AppPreferences): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(prefs, null, 2) + '\n');
    renameSync(tmp, this.file);
  }
}
