// Recognises binary files that arrive under a text name (a PNG saved as .html, a
// zipped page): they get a clear "this is not text" error instead of garbage.

const MAGIC: { kind: string; bytes: number[] }[] = [
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'ZIP archive (or an Office/EPUB file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'WebP/RIFF file', bytes: [0x52, 0x49, 0x46, 0x46] },
  { kind: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'executable', bytes: [0x4d, 0x5a] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/**
 * Names the kind of binary content, or returns null when the bytes may be text.
 * Text (in any 8-bit or UTF-8 encoding) has no NUL bytes and few control characters.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  if (hasUtf16Bom(bytes)) return null;
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return m.kind;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary data';
    // Tab, LF, CR, FF and ESC occur in text; other C0 controls do not.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.05 ? 'binary data' : null;
}
