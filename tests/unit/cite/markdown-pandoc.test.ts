// The Markdown export with citations: Pandoc citations in the notes and the sources beside them,
// as `pandoc --citeproc --bibliography references.json` reads them.
import { parse } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE, sampleLibrary, type SampleLibrary } from './samples.js';

let lib: SampleLibrary;
beforeAll(async () => {
  lib = await sampleLibrary();
}, 120_000);
afterAll(async () => lib?.done());

describe('Markdown export with Pandoc citations', () => {
  it('cites each passage as [@key, para. N] with references.json and references.bib beside', async () => {
    const note = await lib.core.api.createNote({
      title: 'Pandoc note',
      body: `[${QUOTE}](scholia://passage/${lib.passages.mt})\n\nRFE/RL says [the same](scholia://passage/${lib.passages.rferl}) too.`,
    });
    const r = await lib.core.api.exportData({ format: 'md', scope: { noteIds: [note.id] }, citations: {} });
    const md = r.files.find((f) => f.path === 'Pandoc note.md')!.text!;
    expect(md).toContain(`> “${QUOTE}” [@moscowrussia, para. 2]`);
    expect(md).toContain('RFE/RL says the same [@rferlblinken, para. 2] too.');
    expect(md).toContain('bibliography: references.json');
    expect(md).not.toContain('scholia://passage');
    const csl = JSON.parse(r.files.find((f) => f.path === 'references.json')!.text!) as Array<{ id: string }>;
    expect(csl.map((i) => i.id).sort()).toEqual(['moscowrussia', 'rferlblinken']);
    const bib = parse(r.files.find((f) => f.path === 'references.bib')!.text!, { english: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key).sort()).toEqual(['moscowrussia', 'rferlblinken']);

    const kept = await lib.core.api.exportData({
      format: 'md',
      scope: { noteIds: [note.id] },
      citations: { keepLinks: true },
    });
    expect(kept.files.find((f) => f.path === 'Pandoc note.md')!.text!).toContain(
      `[@moscowrussia, para. 2] [scholia](scholia://passage/${lib.passages.mt})`,
    );
    // Without citations the export is as before: quote blocks with their citation lines.
    const plain = await lib.core.api.exportData({ format: 'md', scope: { noteIds: [note.id] } });
    expect(plain.files.map((f) => f.path)).toEqual(['Pandoc note.md']);
  }, 120_000);

  it('exporting one article brings the notes written on it (it used to say "0 notes")', async () => {
    const note = await lib.core.api.createNote({
      title: 'On the Moscow Times piece',
      body: 'Framing.',
      articleId: lib.articles.mt,
    });
    const r = await lib.core.api.exportData({ format: 'md', scope: { articleIds: [lib.articles.mt] } });
    expect(r.files.map((f) => f.path)).toContain('On the Moscow Times piece.md');
    const article = r.files.find((f) => /^type: article$/m.test(f.text!))!;
    expect(article.text).toContain('## Notes\n\n- [[On the Moscow Times piece]]');
    expect(note.articleId).toBe(lib.articles.mt);
  }, 120_000);
});
