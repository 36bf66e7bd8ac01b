// YAML front matter. The `yaml` package decides how every unusual value is
// quoted; the common values (simple titles, ISO dates, URLs, tags) take a
// fast path that writes what the package would write (a test checks they
// agree): rendering 15k files through yaml.stringify alone costs seconds.
import { stringify } from 'yaml';

const SIMPLE = /^[\p{L}\p{N}][\p{L}\p{N} _.,'()/’-]*$/u;
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)?$/;
const URL_PLAIN = /^https?:\/\/[A-Za-z0-9\-._~/?@!$&'()*+,;=%]+$/;
/** Words YAML reads as booleans or null, and anything that starts like a number: these need quotes. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A value a Markdown viewer that does not know front matter would render as markup
 * (raw HTML, or a link): written double-quoted with those characters as \u escapes,
 * the same string to any YAML reader (Obsidian), inert text to marked.
 */
const MARKUP = /[<>]|\]\s*[(:[]/;

function inertQuoted(s: string): string {
  return JSON.stringify(s).replace(
    /[<>[\]]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

function scalar(v: string | number | boolean): string {
  if (typeof v === 'string' && MARKUP.test(v)) return inertQuoted(v);
  if (typeof v === 'string' && !v.endsWith(' ') && !RESERVED.test(v)) {
    if (ISO.test(v) || URL_PLAIN.test(v)) return v;
    if (SIMPLE.test(v) && !/^[-+.]?\d/.test(v) && !/\s$/.test(v) && !/ {2}/.test(v)) return v;
  }
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

export type FrontMatterValue = string | number | boolean | string[] | undefined | null;

/** `---\nkey: value\n---\n`, skipping empty values; lists as block sequences. */
export function frontMatter(fields: Record<string, FrontMatterValue>): string {
  const lines: string[] = ['---'];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (Array.isArray(v)) {
      lines.push(`${k}:`);
      for (const item of v) lines.push(`  - ${scalar(item)}`);
    } else lines.push(`${k}: ${scalar(v)}`);
  }
  // Multi-line values need block scalars indented to their place: leave those documents to yaml.
  if (lines.some((l) => l.includes('\n'))) return frontMatterViaYaml(fields);
  lines.push('---', '');
  return lines.join('\n');
}

/**
 * The reference: what yaml.stringify writes for the same fields, except that values
 * a Markdown viewer would render as markup are written inert (see MARKUP).
 */
export function frontMatterViaYaml(fields: Record<string, FrontMatterValue>): string {
  const clean: Record<string, unknown> = {};
  const inert: string[] = [];
  const token = (v: string) => (MARKUP.test(v) ? `SCHOLIA-INERT-${inert.push(v) - 1}-X` : v);
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    clean[k] = typeof v === 'string' ? token(v) : Array.isArray(v) ? v.map(token) : v;
  }
  const text = stringify(clean, { lineWidth: 0 }).replace(/SCHOLIA-INERT-(\d+)-X/g, (_, i: string) =>
    inertQuoted(inert[Number(i)]!),
  );
  return `---\n${text}---\n`;
}
