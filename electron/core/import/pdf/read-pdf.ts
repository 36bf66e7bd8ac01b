// Reads a PDF with PDF.js (its legacy build, made for Node) into positioned text items per page,
// its page labels and metadata. PDF.js runs with everything that could execute or fetch turned
// off: no eval (isEvalSupported false), no font loading, no network (bytes given, no URL), no
// scripting (the core never asks for JavaScript actions or attachments, so neither is run or read).
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfItem, PdfPage } from './layout.js';
import { ImportError } from '../types.js';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/**
 * Builtins the legacy build's bundled core-js replaces with JavaScript versions when it loads:
 * JSON.parse and JSON.stringify (for JSON.rawJSON, which Node 20 lacks), Array.prototype.push
 * (for lengths beyond 2^32) and Function.prototype.toString. Left in place they would serve the
 * whole core after the first PDF, many times slower and hungrier: storing a 458-page PDF's body
 * (JSON.stringify of an 8 MB object) allocated over 400 MB instead of a few tens. PDF.js uses
 * none of what they add, so the natives are put back once it has loaded.
 */
const REPLACED_BY_POLYFILLS: readonly (readonly [object, string])[] = [
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Array.prototype, 'push'],
  [Function.prototype, 'toString'],
];

const PDFJS_WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** PDF.js loads on first use: an app that never imports a PDF never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const natives = REPLACED_BY_POLYFILLS.map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)!] as const);
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // In Node PDF.js runs its worker's code in this thread, imported on the first getDocument:
      // imported now instead, so that its own copy of the polyfills is undone too.
      // (Named through a constant: pdfjs-dist ships no types for it, and only its side effect is wanted.)
      await import(PDFJS_WORKER);
      return lib;
    } finally {
      for (const [o, k, d] of natives) Object.defineProperty(o, k, d);
    }
  })();
  return pdfjs;
}

export interface PdfMetadata {
  /** The info dictionary's entries (Title, Author, CreationDate, Subject, Keywords...). */
  info: Record<string, unknown>;
  /** XMP metadata, flattened: dc:title, dc:creator, prism:doi... */
  xmp: Record<string, unknown>;
}

export interface ReadPdf {
  pages: PdfPage[];
  labels: string[] | null;
  meta: PdfMetadata;
}

const TRAILER_WINDOW = 4096;

/** A PDF's bytes end with %%EOF (give or take trailing whitespace or a few stray bytes). */
function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - TRAILER_WINDOW))).toString('latin1');
  return !tail.includes('%%EOF');
}

export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (the spec allows it within the first 1024 bytes).
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Reads the text items of every page. Throws ImportError for encrypted, corrupt or truncated input. */
export async function readPdf(bytes: Uint8Array, name: string, password?: string): Promise<ReadPdf> {
  if (!isPdf(bytes)) throw new ImportError(`${name} is not a PDF (it has no %PDF header); nothing was imported.`);
  if (looksTruncated(bytes))
    throw new ImportError(
      `${name} is incomplete (the PDF ends before its last section, as a download cut short does); nothing was imported. Download it again.`,
    );
  const { getDocument, PasswordResponses } = await loadPdfJs();
  const task = getDocument({
    // PDF.js takes ownership of (and may detach) the buffer: give it a copy.
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as { name?: string; code?: number; message?: string };
    if (e.name === 'PasswordException') {
      if (e.code === PasswordResponses.INCORRECT_PASSWORD)
        throw new ImportError(`That is not the password of ${name}; nothing was imported.`, 'password-wrong');
      throw new ImportError(
        `${name} is encrypted: import it again with its password; nothing was imported.`,
        'password-required',
      );
    }
    throw new ImportError(`${name} is not a readable PDF (${e.message ?? 'unknown error'}); nothing was imported.`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const items: PdfItem[] = [];
      const rotated: string[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        const str = normaliseText(raw.str);
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!) || a! <= 0) {
          if (/\S/.test(str)) rotated.push(str.trim());
          continue;
        }
        items.push({ str, x: e!, y: f!, w: raw.width, size: Math.abs(d!) || raw.height });
      }
      pages.push({ items, rotated: rotated.length ? [rotated.join(' ')] : undefined });
      page.cleanup();
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const md = await doc.getMetadata().catch(() => null);
    const xmp: Record<string, unknown> = {};
    const all = (md?.metadata as { getAll?: () => Record<string, unknown> } | null)?.getAll?.();
    if (all) Object.assign(xmp, all);
    return { pages, labels, meta: { info: (md?.info as Record<string, unknown>) ?? {}, xmp } };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`${name} is damaged (${(err as Error).message}); nothing was imported.`);
  } finally {
    await doc.destroy();
  }
}

/**
 * Unicode compatibility forms folded (ligatures "ﬁ" -> "fi", full-width letters), control
 * characters dropped; soft hyphens kept for the line joiner, which removes them at a line's end.
 */
export function normaliseText(s: string): string {
  // NFKC leaves U+00AD as it is.
  return s.normalize('NFKC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, '');
}
