// Reading files the user hands over (picker, drag and drop) into the contract's shape.
import type { ImportFileInput } from '../../../electron/core/api.js';

// Other apps' exports too: Pocket/Instapaper/Readwise CSV, Omnivore and Pocket zips, BibTeX, RIS; and PDFs.
export const IMPORT_ACCEPT =
  '.txt,.text,.html,.htm,.xhtml,.md,.markdown,.jsonl,.json,.jsonld,.csv,.zip,.bib,.bibtex,.ris,.pdf';
const EXTENSIONS = new Set(IMPORT_ACCEPT.split(',').map((e) => e.slice(1)));
export const MAX_FILE_BYTES = 45 * 1024 * 1024;

export function isImportable(name: string): boolean {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return EXTENSIONS.has(ext);
}

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

export async function readFile(file: File, name = file.name): Promise<ImportFileInput> {
  return { name, dataBase64: toBase64(await file.arrayBuffer()), mime: file.type || undefined };
}

/** Files from a drop, folders walked recursively (only importable files from folders). */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items]
    .map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0) return [...dt.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, fromFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      if (!fromFolder || isImportable(file.name)) out.push(file);
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e, true);
      }
    }
  };
  for (const e of entries) await walk(e, false);
  return out;
}
