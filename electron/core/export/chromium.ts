// Headless Chromium for PDF output outside the desktop app (CLI, tests). The
// desktop app uses its own window's printToPDF instead.
import { execFile } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportError } from './format.js';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

async function executable(p: string): Promise<boolean> {
  try {
    await fs.access(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** CHROME_PATH first, then the usual install places, then $PATH. Null when none is found. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.CHROME_PATH) return (await executable(env.CHROME_PATH)) ? env.CHROME_PATH : null;
  for (const c of CANDIDATES[process.platform] ?? []) if (await executable(c)) return c;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const n of PATH_NAMES) {
      const p = path.join(dir, process.platform === 'win32' ? `${n}.exe` : n);
      if (await executable(p)) return p;
    }
  }
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr: String(stderr) }));
      else resolve({ stderr: String(stderr) });
    });
  });
}

/**
 * The page with a Content-Security-Policy that lets no script run, put before
 * anything else in it. (Headless Chromium's printing stops working with
 * `--blink-settings=scriptEnabled=false`, and there is no other switch.)
 */
export function withoutScript(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; frame-src 'none'">`;
  const doctype = /^\uFEFF?\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? `${doctype[0]}${csp}${html.slice(doctype[0].length)}` : `${csp}${html}`;
}

/** Prints `html` to a PDF and returns its bytes. Throws ExportError with what to do when it cannot. */
export async function htmlToPdf(html: string, opts: { chromePath?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const chrome = opts.chromePath ?? (await findChromium());
  if (!chrome) {
    throw new ExportError(
      'PDF export needs Chrome or Chromium, and none was found. Install one, or set CHROME_PATH to its executable; or export HTML and print it to PDF from a browser.',
      'no-chromium',
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scholia-pdf-'));
  try {
    const page = path.join(dir, 'export.html');
    const out = path.join(dir, 'export.pdf');
    await fs.writeFile(page, withoutScript(html));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    try {
      await run(chrome, args, opts.timeoutMs ?? 120_000);
    } catch (err) {
      const e = err as Error & { stderr?: string };
      throw new ExportError(
        `Chromium (${chrome}) could not print the PDF: ${e.message.split('\n')[0]} ${(e.stderr ?? '').slice(-300)}`.trim(),
        'pdf',
      );
    }
    const bytes = await fs.readFile(out).catch(() => null);
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new ExportError(`Chromium (${chrome}) ran but produced no PDF.`, 'pdf');
    }
    return bytes;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
