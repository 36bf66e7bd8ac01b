import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/export/chromium.js';
import { renderExport } from '../../../electron/core/export/run.js';
import { exportToPath } from '../../../electron/core/export/write.js';
import { fillSample, openJsonLibrary, tmpDir } from './library.js';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PDF export', () => {
  it('produces print-ready HTML flagged for printing to PDF (what the desktop app and browser print)', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    const { files } = await renderExport(ctx, { format: 'pdf', scope: { noteIds: [ids.synthesis] } });
    expect(files).toEqual([
      expect.objectContaining({
        path: 'Blinken on Iranian drones two outlets, one quote.pdf',
        printToPdf: true,
        mime: 'text/html',
      }),
    ]);
    expect(files[0]!.text).toContain('@page');
  });

  it('renders a note to a PDF that contains the note and its quotes (headless Chromium)', async (t) => {
    const chrome = await findChromium();
    if (!chrome || !hasPdftotext()) {
      console.log(
        `skipped: ${!chrome ? 'no Chrome/Chromium found (set CHROME_PATH)' : 'pdftotext (poppler-utils) is not installed'}`,
      );
      t.skip();
      return;
    }
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    const out = path.join(tmpDir(), 'note.pdf');
    const r = await exportToPath(ctx, { format: 'pdf', scope: { noteIds: [ids.synthesis] }, out });
    expect(r.files).toEqual([out]);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Blinken on Iranian drones: two outlets, one quote');
    expect(text).toContain('Both outlets carry the same words from Blinken.');
    expect(text).toContain(
      'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat',
    );
    expect(text).toContain('The Moscow Times, AFP, 2022-10-27');
    expect(text).toContain('RFE/RL, Jane Doe and John Smith, 2022-10-27');
  }, 120_000);

  it('says what to do when no Chromium is available', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const out = path.join(tmpDir(), 'x.pdf');
    await expect(exportToPath(ctx, { format: 'pdf', scope: {}, out, chromePath: '' })).rejects.toThrow(
      /needs Chrome or Chromium.*CHROME_PATH/,
    );
  });
});
