// Bytes to text: honour a byte-order mark, then a declared charset (<meta charset>,
// HTTP Content-Type, XML declaration), else UTF-8 when the bytes are valid UTF-8,
// else detect the legacy 8-bit encoding (windows-1251 for many Russian outlets)
// instead of producing mojibake. Corrupt UTF-8 is refused with a clear message.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './types.js';

export interface DecodedText {
  text: string;
  /** The encoding used, lower case ("utf-8", "windows-1251"). */
  encoding: string;
  /** How it was chosen: byte-order mark, declared by the document, valid UTF-8, or detected. */
  via: 'bom' | 'declared' | 'utf-8' | 'detected';
}

/** WHATWG maps these labels to a superset encoding; iconv-lite knows the supersets. */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'x-cp1251': 'windows-1251',
  'x-cp1252': 'windows-1252',
  utf8: 'utf-8',
};

function normaliseLabel(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  return LABEL_ALIASES[l] ?? l;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** The charset a document declares in its first bytes (HTML meta or XML declaration). */
export function declaredCharset(bytes: Uint8Array, mime?: string): string | null {
  const fromMime = mime?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromMime) return normaliseLabel(fromMime);
  // The HTML spec looks at the first 1024 bytes; saved pages sometimes push the
  // meta further down behind comments, so look a little further.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i)?.[1];
  return meta ? normaliseLabel(meta) : null;
}

/**
 * Where UTF-8 decoding fails, or -1 when the bytes are valid UTF-8. Also counts the
 * well-formed multi-byte sequences: text that has them AND invalid bytes is corrupt
 * UTF-8, while text that has none is a legacy 8-bit encoding.
 */
export function scanUtf8(bytes: Uint8Array): { firstInvalid: number; multibyte: number; invalid: number } {
  let firstInvalid = -1;
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok && len === 3) {
      const b1 = bytes[i + 1]!;
      if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) ok = false; // overlong, surrogates
    }
    if (ok && len === 4) {
      const b1 = bytes[i + 1]!;
      if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) ok = false;
    }
    if (ok) {
      multibyte++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, multibyte, invalid };
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Decodes a file's bytes to text (without a BOM); throws ImportError on corrupt UTF-8. */
export function decodeBytes(
  bytes: Uint8Array,
  name: string,
  opts: { mime?: string; html?: boolean } = {},
): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.skip), bom.encoding), encoding: bom.encoding, via: 'bom' };

  const declared = opts.html || opts.mime ? declaredCharset(bytes, opts.mime) : null;
  const scan = scanUtf8(bytes);
  // A page re-saved as UTF-8 often keeps its old <meta charset>: bytes that are valid
  // UTF-8 with multi-byte characters are almost never legacy 8-bit text, so they win.
  const clearlyUtf8 = scan.firstInvalid < 0 && scan.multibyte > 0;
  if (
    declared &&
    !clearlyUtf8 &&
    declared !== 'utf-8' &&
    !declared.startsWith('utf-16') &&
    iconv.encodingExists(declared)
  ) {
    return { text: decodeWith(bytes, declared), encoding: declared, via: 'declared' };
  }

  if (scan.firstInvalid < 0) return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', via: 'utf-8' };

  // Well-formed multi-byte sequences next to broken ones: this is UTF-8 that got
  // damaged (truncated, concatenated), and guessing a legacy encoding would garble it.
  if (scan.multibyte > 0 || declared === 'utf-8') {
    throw new ImportError(
      `${name} is not valid UTF-8 (${scan.invalid} invalid byte${scan.invalid === 1 ? '' : 's'}, ` +
        `the first at byte ${scan.firstInvalid}). The file may be damaged or saved in a mixed encoding; ` +
        `re-save it as UTF-8 and import it again.`,
    );
  }
  const guesses = chardet.analyse(bytes).filter((m) => m.name !== 'UTF-8' && iconv.encodingExists(m.name));
  const best = guesses[0];
  if (!best) {
    throw new ImportError(`${name}: could not tell its character encoding; re-save it as UTF-8 and import it again.`);
  }
  const encoding = normaliseLabel(best.name);
  return { text: decodeWith(bytes, encoding), encoding, via: 'detected' };
}
