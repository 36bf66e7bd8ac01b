// Saving an export's files where the user chooses. A folder export writes into a
// folder the user picks (File System Access API, in Chromium and Electron), never
// overwriting: an existing name gets " (2)". Single files download.
import DOMPurify from 'dompurify';
import type { ExportFile } from '../../../electron/core/api.js';

function bytesOf(f: ExportFile): Uint8Array<ArrayBuffer> {
  if (f.base64 !== undefined) {
    const bin = atob(f.base64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new TextEncoder().encode(f.text ?? '');
}

export function download(f: ExportFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(f)], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.path.split('/').pop() ?? f.path;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type DirHandle = {
  getDirectoryHandle(name: string, o?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(
    name: string,
    o?: { create?: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(d: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }>;
  }>;
};

async function exists(dir: DirHandle, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch {
    return false;
  }
}

export const canPickFolder = (): boolean => 'showDirectoryPicker' in window;

/** Writes files (relative paths) into a folder the user picks. Returns how many were written. */
export async function saveToFolder(files: ExportFile[], onProgress: (done: number) => void): Promise<number> {
  const root = (await (window as unknown as { showDirectoryPicker(o: object): Promise<DirHandle> }).showDirectoryPicker(
    {
      mode: 'readwrite',
    },
  )) as DirHandle;
  let done = 0;
  for (const f of files) {
    const parts = f.path.split('/').filter((p) => p && p !== '.' && p !== '..');
    let dir = root;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
    const name = parts[parts.length - 1] ?? 'export';
    let target = name;
    const dot = name.lastIndexOf('.');
    for (let n = 2; await exists(dir, target); n++) {
      target = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    const handle = await dir.getFileHandle(target, { create: true });
    const w = await handle.createWritable();
    await w.write(bytesOf(f));
    await w.close();
    onProgress(++done);
  }
  return done;
}

/** Prints export HTML through the system print dialog (where "Save as PDF" lives). */
export function printHtml(html: string): void {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const styles = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
  const host = document.createElement('div');
  host.className = 'print-host';
  host.innerHTML = DOMPurify.sanitize(doc.body.innerHTML, { FORBID_TAGS: ['style', 'script', 'iframe'] });
  const style = document.createElement('style');
  style.textContent = `@media print { body > *:not(.print-host) { display: none !important; } .print-host { display: block !important; } }\n@media screen { .print-host { display: none; } }\n@media print { ${styles} }`;
  document.body.append(style, host);
  const cleanup = () => {
    host.remove();
    style.remove();
    window.removeEventListener('afterprint', cleanup);
  };
  window.addEventListener('afterprint', cleanup);
  window.print();
  setTimeout(cleanup, 60_000);
}
