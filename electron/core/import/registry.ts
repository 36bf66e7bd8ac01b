// Picks the import format for an input and extracts its articles. Every format is
// a module behind the ImportFormat interface (types.ts); adding a format is adding a
// file and one line in FORMATS. Checks common to all inputs (empty, too large,
// binary under a text name) happen here, once.
import { sniffBinary } from './binary.js';
import { htmlFormat } from './html-format.js';
import { jsonlFormat } from './jsonl-format.js';
import { MAX_DOCUMENT_BYTES, MAX_JSONL_BYTES, MAX_PDF_BYTES, formatBytes } from './limits.js';
import { mdFormat } from './md-format.js';
import { pdfFormat } from './pdf-format.js';
import { isPdf } from './pdf/read-pdf.js';
import { txtFormat } from './txt-format.js';
import { type ExtractedArticle, type Extraction, ImportError, type ImportFormat, type ImportInput } from './types.js';

export { findNearDuplicate, textFingerprint, fingerprintSimilarity } from './near-duplicate.js';
export { fetchUrl } from './fetch-url.js';

/** In order of precedence when sniffing content without a telling name. */
export const FORMATS: readonly ImportFormat[] = [htmlFormat, mdFormat, jsonlFormat, txtFormat, pdfFormat];

/** File extensions import understands (for folder scans and file pickers). */
export const IMPORT_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions);

function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Content sniffing for inputs without a known extension or MIME type (pastes, URLs). */
function sniffFormat(input: ImportInput): ImportFormat {
  if (isPdf(input.bytes)) return pdfFormat;
  const head = Buffer.from(input.bytes.subarray(0, 2048))
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  if (
    /^(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype )?html)/i.test(head) ||
    /<(?:p|div|article|h1|br)\b[^>]*>/i.test(head)
  )
    return htmlFormat;
  if (/^---\r?\n[\s\S]*?\r?\n---/.test(head) || /^#{1,6} \S/.test(head)) return mdFormat;
  if (/^\{/.test(head) && head.split('\n')[0]!.trim().endsWith('}')) return jsonlFormat;
  return txtFormat;
}

/** The format module for an input, by extension, then MIME type, then content. */
export function pickFormat(input: ImportInput): ImportFormat {
  const ext = extensionOf(input.name);
  if (ext) {
    const byExt = FORMATS.find((f) => f.extensions.includes(ext));
    if (byExt) return byExt;
  }
  const byMime = input.mime ? FORMATS.find((f) => f.accepts({ ...input, name: '' })) : undefined;
  if (byMime) return byMime;
  if (ext && !input.url && !/^paste/i.test(input.name)) {
    throw new ImportError(
      `${input.name}: .${ext} files cannot be imported (supported: ${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')}).`,
    );
  }
  return sniffFormat(input);
}

/** Checks every input passes before any format reads it. */
function checkInput(input: ImportInput, format: ImportFormat): void {
  const size = input.bytes.length;
  if (size === 0) throw new ImportError(`${input.name} is empty (0 bytes): nothing to import.`);
  const limit = format.id === 'jsonl' ? MAX_JSONL_BYTES : format.id === 'pdf' ? MAX_PDF_BYTES : MAX_DOCUMENT_BYTES;
  if (size > limit) {
    throw new ImportError(
      `${input.name} is ${formatBytes(size)}, above the ${formatBytes(limit)} limit for one ${format.id === 'jsonl' ? 'JSON Lines file' : 'article'}; ` +
        `it was not imported. Split it, or save only the article's page.`,
    );
  }
  // A PDF is binary by nature: its own format checks it (pdf/read-pdf.ts).
  if (format.id === 'pdf') return;
  const binary = sniffBinary(input.bytes);
  if (binary) {
    throw new ImportError(`${input.name} is not a text file (it looks like ${binary}); nothing was imported from it.`);
  }
}

/** Everything an input yields: its articles and the parts that failed (JSON Lines). */
export async function extractWithReport(input: ImportInput): Promise<Extraction> {
  const format = pickFormat(input);
  checkInput(input, format);
  try {
    return await format.extract(input);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    // A parser crash on hostile input is still a per-file failure, said plainly.
    throw new ImportError(`${input.name} could not be read as ${format.id.toUpperCase()} (${(err as Error).message}).`);
  }
}

/**
 * The articles in one input. Throws ImportError with a per-file message when nothing
 * can be imported; parts that failed while others succeeded are reported by
 * extractWithReport (this function drops them).
 */
export async function extractArticles(input: ImportInput): Promise<ExtractedArticle[]> {
  return (await extractWithReport(input)).articles;
}
