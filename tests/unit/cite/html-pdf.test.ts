// A note citing both samples exported to HTML (and PDF, which prints that HTML) with citations
// resolved as for Word: the quotes with in-text citations (APA) or footnotes (Chicago notes),
// the bibliography, scholia:// links only on request, and what could not be cited as warnings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/export/chromium.js';
import { exportToPath } from '../../../electron/core/export/write.js';
import { citingNote, QUOTE, sampleLibrary, type SampleLibrary } from './samples.js';

let lib: SampleLibrary;
let noteId: string;
beforeAll(async () => {
  lib = await sampleLibrary();
  noteId = await citingNote(lib);
}, 120_000);
afterAll(async () => lib?.done());

async function html(style: string, keepLinks = false): Promise<{ doc: Document; raw: string; warnings: string[] }> {
  const r = await lib.core.api.exportData({
    format: 'html',
    scope: { noteIds: [noteId] },
    citations: { style, keepLinks },
  });
  expect(r.files).toHaveLength(1);
  const raw = r.files[0]!.text!;
  return { doc: new JSDOM(raw).window.document, raw, warnings: r.warnings ?? [] };
}
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('HTML export with citations', () => {
  it('APA: quotes with in-text citations, the note text, the bibliography', async () => {
    const { doc, raw, warnings } = await html('apa');
    const body = text(doc.querySelector('main'));
    expect(body).toContain('Both outlets quote Blinken in the same words.');
    expect(text(doc.querySelector('blockquote'))).toBe(
      `“${QUOTE}” (“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)`,
    );
    expect(body).toContain(
      'RFE/RL has the same sentence: the drones (“Blinken Calls Russia’s Use Of Iranian Drones In Ukraine ‘Appalling,’” n.d., para. 2), which is worth noting.',
    );
    expect(raw).toContain('<strong>worth</strong>');
    // Raw HTML in a note is text, never markup.
    expect(body).toContain('<script>alert(1)</script>');
    expect(doc.querySelector('main script')).toBeNull();
    const bib = doc.querySelector('section.bibliography');
    expect(text(bib?.querySelector('h2'))).toBe('References');
    expect([...(bib?.querySelectorAll('div') ?? [])].map(text)).toEqual([
      'Blinken Calls Russia’s Use Of Iranian Drones In Ukraine “Appalling.” (n.d.). RFE/RL.',
      'Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. (n.d.). The Moscow Times.',
    ]);
    expect(bib?.innerHTML).toContain('<i>RFE/RL</i>');
    expect(raw).not.toContain('scholia://');
    // The old citation line (outlet, author, date under the quote) is gone.
    expect(body).not.toContain('The Moscow Times, AFP, 2022-10-27');
    expect(warnings.join('\n')).toMatch(/passage p_gone .*no longer in the library/);
    expect(warnings.join('\n')).toMatch(/has no author, no publication date/);
  }, 120_000);

  it('Chicago notes-bibliography: citations become numbered footnotes; links kept on request', async () => {
    const { doc, raw } = await html('chicago-notes', true);
    const refs = [...doc.querySelectorAll('sup.fnref a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(refs).toEqual([
      ['1', '#fn-1'],
      ['2', '#fn-2'],
    ]);
    const notes = [...doc.querySelectorAll('section.footnotes li')];
    expect(notes.map((li) => li.id)).toEqual(['fn-1', 'fn-2']);
    expect(text(notes[0])).toContain(
      '“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” The Moscow Times, n.d., para. 2.',
    );
    expect(text(notes[1])).toContain('RFE/RL');
    expect(text(doc.querySelector('section.bibliography h2'))).toBe('Bibliography');
    expect(text(doc.querySelector('section.bibliography'))).toContain('The Moscow Times');
    expect(raw).toContain(`href="scholia://passage/${lib.passages.mt}"`);
    expect(text(doc.querySelector('main'))).toContain('[Scholia]');
  }, 120_000);

  it('PDF: the printed document carries the citations and bibliography (headless Chromium)', async (t) => {
    const chrome = await findChromium();
    let pdftotext = true;
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      pdftotext = false;
    }
    if (!chrome || !pdftotext) {
      console.log(`skipped: ${!chrome ? 'no Chrome/Chromium found' : 'pdftotext is not installed'}`);
      t.skip();
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-citepdf-'));
    try {
      const out = path.join(dir, 'note.pdf');
      const r = await exportToPath(lib.core.ctx, {
        format: 'pdf',
        scope: { noteIds: [noteId] },
        out,
        citations: { style: 'apa' },
      });
      expect(r.files).toEqual([out]);
      const pdf = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdf).toContain('Both outlets quote Blinken in the same words.');
      expect(pdf).toContain('(“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)');
      expect(pdf).toContain('References');
      expect(pdf).toContain('(n.d.). The Moscow Times.');
      expect(r.warnings?.join('\n')).toMatch(/passage p_gone/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
