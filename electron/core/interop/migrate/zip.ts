// Zip archives (Omnivore's export, Pocket's emailed export) read with fflate, with
// limits: a damaged or truncated archive is refused whole, and so is one that would
// expand past what an export can reasonably hold.
import { unzipSync } from 'fflate';
import { MigrationError } from './types.js';

export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/** The archive's files by path (folders and macOS "__MACOSX" leftovers left out). */
export function readZip(bytes: Uint8Array, name: string): Map<string, Uint8Array> {
  let total = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        if (f.name.endsWith('/') || f.name.startsWith('__MACOSX/')) return false;
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) tooBig = true;
        return !tooBig;
      },
    });
  } catch (err) {
    throw new MigrationError(
      `${name} is a damaged or truncated zip archive (${(err as Error).message}); nothing was imported from it. Download the export again.`,
    );
  }
  if (tooBig) {
    throw new MigrationError(
      `${name} expands to more than ${MAX_UNZIPPED_BYTES / 1048576} MB; nothing was imported from it.`,
    );
  }
  return new Map(Object.entries(files));
}
