// Small readers shared by the migration formats: text, dates, tags.
import { MigrationError } from './types.js';

export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new MigrationError(`${name} is not UTF-8 text; nothing was imported from it.`);
  }
}

/** Unix seconds (Pocket, Instapaper), milliseconds, or a date string, as ISO; null when absent or unreadable. */
export function isoDate(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{9,13}$/.test(v.trim()))) {
    const n = Number(v);
    const ms = n > 1e11 ? n : n * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) || n <= 0 ? null : d.toISOString();
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  if (/^\d{4}$/.test(s)) return `${s}-01-01`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Tags from a list or a string split on the given separators; trimmed, '#' dropped, unique. */
export function tagList(v: unknown, sep: RegExp = /[,|]/): string[] {
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? v.split(sep) : [];
  const out = new Set<string>();
  for (const t of raw) {
    const s = (typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '').trim().replace(/^#/, '');
    if (s) out.add(s);
  }
  return [...out];
}

/** Only http(s) links are pages to fetch; anything else is kept out (javascript:, file:, data:). */
export function httpUrl(v: unknown): string {
  if (typeof v !== 'string') return '';
  const s = v.trim();
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : '';
  } catch {
    return '';
  }
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v.trim().normalize('NFC') : typeof v === 'number' ? String(v) : '';
}
