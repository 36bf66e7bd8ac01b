// A note citing both samples exported to Word and read back with mammoth (a DOCX reader): the
// note's text, both quotes, their citations in the chosen style and the bibliography are there;
// a passage that no longer exists is reported, not written as a dead link.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citingNote, QUOTE, sampleLibrary, type SampleLibrary } from './samples.js';

let lib: SampleLibrary;
let noteId: string;
beforeAll(async () => {
  lib = await sampleLibrary();
  noteId = await citingNote(lib);
}, 120_000);
afterAll(async () => lib?.done());

async function docx(style: string, keepLinks = false): Promise<{ text: string; html: string; warnings: string[] }> {
  const r = await lib.core.api.exportData({
    format: 'docx',
    scope: { noteIds: [noteId] },
    citations: { style, keepLinks },
  });
  expect(r.files).toHaveLength(1);
  expect(r.files[0]!.path).toBe('Drones two outlets.docx');
  const buffer = Buffer.from(r.files[0]!.base64!, 'base64');
  const styleMap = ["p[style-name='Quote'] => blockquote > p:fresh"];
  const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap });
  const { value: text } = await mammoth.extractRawText({ buffer });
  return { text, html, warnings: r.warnings ?? [] };
}

describe('DOCX export with citations', () => {
  it('APA: quotes with in-text citations, the note text, the bibliography', async () => {
    const { text, html, warnings } = await docx('apa');
    expect(text).toContain('Both outlets quote Blinken in the same words.');
    expect(html).toContain(
      `<blockquote><p>“${QUOTE}” (“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)</p></blockquote>`,
    );
    expect(text).toContain(
      'RFE/RL has the same sentence: the drones (“Blinken Calls Russia’s Use Of Iranian Drones In Ukraine ‘Appalling,’” n.d., para. 2), which is worth noting.',
    );
    expect(html).toContain('<strong>worth</strong>');
    // Raw HTML in a note is text in Word, never markup.
    expect(text).toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h1>References</h1>');
    expect(html).toContain(
      '<p>Blinken Calls Russia’s Use Of Iranian Drones In Ukraine “Appalling.” (n.d.). <em>RFE/RL</em>.</p>',
    );
    expect(html).toContain(
      '<p>Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. (n.d.). <em>The Moscow Times</em>.</p>',
    );
    expect(text).not.toContain('scholia://');
    expect(warnings.join('\n')).toMatch(/passage p_gone .*no longer in the library/);
    expect(warnings.join('\n')).toMatch(/has no author, no publication date/);
  }, 120_000);

  it('Chicago notes-bibliography: citations become footnotes; links kept on request', async () => {
    const { text, html } = await docx('chicago-notes', true);
    expect(html).toMatch(/<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup>/);
    expect(html).toContain(
      '“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” <em>The Moscow Times</em>, n.d., para. 2.',
    );
    expect(html).toContain('<h1>Bibliography</h1>');
    expect(text).toContain('[Scholia]');
    expect(html).toContain(`href="scholia://passage/${lib.passages.mt}"`);
  }, 120_000);
});
