// Citations of the two sample articles (plain text: outlet found by the text rules, no author, no
// date) in APA 7 and Chicago, against strings checked by hand with the style guides:
// - APA 7 (sec. 9.12, no author): the title moves to the author position; "(n.d.)" for no date;
//   in text the title in quotation marks with "n.d." and "para." for a paragraph number (8.28).
// - Chicago author-date 18th (no author): the publication (the outlet) stands as author; "n.d.".
// - Chicago notes-bibliography: the note gives title, outlet, "n.d." and the locator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUOTE, sampleLibrary, type SampleLibrary } from './samples.js';

let lib: SampleLibrary;
beforeAll(async () => {
  lib = await sampleLibrary();
}, 120_000);
afterAll(async () => lib?.done());

describe('CSL citations of the samples', () => {
  it('APA 7: bibliography and a passage with its paragraph', async () => {
    const bib = await lib.core.api.cite({ style: 'apa', articleIds: [lib.articles.mt, lib.articles.rferl] });
    expect(bib.bibliography).toEqual([
      'Blinken Calls Russia’s Use Of Iranian Drones In Ukraine “Appalling.” (n.d.). RFE/RL.',
      'Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. (n.d.). The Moscow Times.',
    ]);
    const p = await lib.core.api.cite({ style: 'apa', passageId: lib.passages.mt });
    expect(p.citation).toBe('(“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)');
    expect(p.text).toBe(
      '“kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat” ' +
        '(“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)',
    );
    expect(p.warnings.join(' ')).toMatch(/no author, no publication date/);
  }, 60_000);

  it('Chicago author-date and notes-bibliography', async () => {
    const ad = await lib.core.api.cite({
      style: 'chicago-author-date',
      articleIds: [lib.articles.mt, lib.articles.rferl],
    });
    expect(ad.bibliography).toEqual([
      'RFE/RL. n.d. “Blinken Calls Russia’s Use Of Iranian Drones In Ukraine ‘Appalling.’”',
      'The Moscow Times. n.d. “Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken.”',
    ]);
    const adp = await lib.core.api.cite({ style: 'chicago-author-date', passageId: lib.passages.rferl });
    // The paragraph is counted in the text the reader shows (title and photo caption set aside).
    const text = (await lib.core.api.getArticle(lib.articles.rferl))!.text;
    expect(text.split('\n\n').findIndex((p) => p.includes(QUOTE)) + 1).toBe(2);
    expect(adp.citation).toBe('(RFE/RL, n.d., para. 2)');
    const nb = await lib.core.api.cite({ style: 'chicago-notes', passageId: lib.passages.mt });
    expect(nb.citation).toBe(
      '“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” The Moscow Times, n.d., para. 2.',
    );
    // A note style puts the citation under the quote, as the footnote's text.
    expect(nb.text.split('\n\n')).toHaveLength(2);
  }, 60_000);

  it('a page locator given by the caller (a PDF article) is cited as a page', async () => {
    const p = await lib.core.api.cite({
      style: 'apa',
      passageId: lib.passages.rferl,
      locator: { label: 'page', value: '12' },
    });
    expect(p.citation).toBe('(“Blinken Calls Russia’s Use Of Iranian Drones In Ukraine ‘Appalling,’” n.d., p. 12)');
  }, 60_000);

  it('an author and a date edited in the details dialog change the citation, not the pinned key', async () => {
    const before = (await lib.core.api.getArticle(lib.articles.mt))!.citationKey;
    await lib.core.api.updateArticle(lib.articles.mt, {
      creators: [{ role: 'author', family: 'Doe', given: 'Jane' }],
      published: '2022-10-27',
    });
    const after = await lib.core.api.getArticle(lib.articles.mt);
    expect(after!.citationKey).toBe(before);
    expect(after!.author).toBe('Jane Doe');
    const bib = await lib.core.api.cite({ style: 'apa', articleIds: [lib.articles.mt] });
    expect(bib.bibliography[0]).toBe(
      'Doe, J. (2022, October 27). Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. The Moscow Times.',
    );
    const html = await lib.core.api.cite({ style: 'apa', format: 'html', articleIds: [lib.articles.mt] });
    expect(html.text).toContain('<i>The Moscow Times</i>');
    const rtf = await lib.core.api.cite({ style: 'apa', format: 'rtf', articleIds: [lib.articles.mt] });
    expect(rtf.text).toMatch(/^\{\\rtf1/);
    expect(rtf.text).toContain('{\\i{}The Moscow Times}');
  }, 60_000);

  it('keys are unique and pinned; a taken key is refused with a 4xx error', async () => {
    const mt = (await lib.core.api.getArticle(lib.articles.mt))!;
    const rf = (await lib.core.api.getArticle(lib.articles.rferl))!;
    // Made at import, when the sample had no date; setting one later does not change it.
    expect(mt.citationKey).toBe('moscowrussia');
    expect(rf.citationKey).toBe('rferlblinken');
    await expect(
      lib.core.api.updateArticle(lib.articles.rferl, { citationKey: mt.citationKey! }),
    ).rejects.toMatchObject({
      code: 'invalid-arguments',
    });
    await lib.core.api.updateArticle(lib.articles.rferl, { citationKey: 'rferl2022blinken' });
    expect((await lib.core.api.getArticle(lib.articles.rferl))!.citationKey).toBe('rferl2022blinken');
  }, 60_000);
});
