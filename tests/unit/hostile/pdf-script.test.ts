// The CLI prints PDFs with headless Chromium: the page it prints must not run
// script, whatever HTML reaches it (the export's own CSP is one layer; the
// browser's JavaScript switch is the other).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findChromium, htmlToPdf } from '../../../electron/core/export/chromium.js';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PDF printing (electron/core/export/chromium.ts)', () => {
  it('runs no script in the page it prints', async (t) => {
    const chrome = await findChromium();
    if (!chrome || !hasPdftotext()) {
      console.log(`skipped: ${!chrome ? 'no Chrome/Chromium found (set CHROME_PATH)' : 'pdftotext is not installed'}`);
      t.skip();
      return;
    }
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      // No CSP here on purpose: this is the browser's own switch being tested.
      const html = `<!doctype html><html><body><p>Static text stays.</p>
<script>
  const x = new XMLHttpRequest(); x.open('GET', 'http://127.0.0.1:${port}/script-ran', false);
  try { x.send(); } catch (e) {}
  document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT RAN</p>');
</script></body></html>`;
      const pdf = await htmlToPdf(html, { chromePath: chrome });
      const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
      expect(text).toContain('Static text stays.');
      expect(text).not.toContain('SCRIPT RAN');
      expect(hits).toEqual([]);
    } finally {
      server.close();
    }
  }, 120_000);
});
