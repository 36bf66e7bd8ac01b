// File names that are valid on Windows, macOS and Linux at once, and safe to
// link to from Obsidian. A title is user text: it may hold path separators
// (`../../x`), reserved device names (CON, NUL, COM1), characters Windows
// refuses, trailing dots or spaces Windows strips, or be very long.

/** Characters illegal on Windows (and `/` everywhere), plus those that break Obsidian wikilinks. */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]|[#^[\]]/g;
/** Device names Windows reserves with any extension (`con.txt` is as reserved as `CON`). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/**
 * Most file systems cap a name at 255 bytes (UTF-8 on Linux, UTF-16 units on
 * Windows). Stay well under so a suffix " (123)" and an extension always fit.
 */
const MAX_STEM_BYTES = 180;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Cuts to at most maxBytes of UTF-8 without splitting a character. */
function truncateBytes(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * A file name stem (no extension) from a title. Never empty, never a path,
 * never reserved, never hidden, never ending in a dot or space.
 */
export function safeStem(title: string, fallback = 'Untitled'): string {
  let s = title.normalize('NFC').replace(ILLEGAL, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  // Leading dots make hidden files and `..`; trailing dots and spaces are stripped by Windows.
  s = s.replace(/^[.\s]+/, '');
  s = truncateBytes(s, MAX_STEM_BYTES);
  s = s.replace(/[.\s]+$/, '');
  if (!s) s = fallback;
  // Windows reserves the part before the first dot: `nul.tar` is as reserved as `NUL`.
  const dot = s.indexOf('.');
  const base = dot < 0 ? s : s.slice(0, dot);
  if (RESERVED.test(base.trim())) s = `${base.trimEnd()}_${dot < 0 ? '' : s.slice(dot)}`;
  return s;
}

/** A complete safe file name: stem + extension (extension without the dot). */
export function safeFileName(title: string, extension: string, fallback?: string): string {
  return `${safeStem(title, fallback)}.${extension}`;
}

/** Case- and normalisation-insensitive key: macOS and Windows treat `Note.md` and `note.md` as one file. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Hands out distinct names in one folder: the second "Notes" becomes
 * "Notes (2)". Names in `taken` (files already at the destination) are avoided
 * too, so an export never silently replaces a file.
 */
export class NameAllocator {
  private readonly used = new Set<string>();
  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.used.add(nameKey(t));
  }

  /** Returns a fresh name "stem.ext", "stem (2).ext", ... */
  allocate(title: string, extension: string, fallback?: string): string {
    const stem = safeStem(title, fallback);
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.${extension}` : `${stem} (${n}).${extension}`;
      const key = nameKey(name);
      if (!this.used.has(key)) {
        this.used.add(key);
        return name;
      }
    }
  }
}
