// Hostile article metadata and note links through the HTML/PDF exports with citations resolved:
// citeproc's HTML (in-text citations, footnotes, bibliography) and the note text must stay inert.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/core/export/run.js';
import { fillSample, openJsonLibrary } from '../export/library.js';
import { activeParts } from './active-html.js';

const TITLE = '<img src=x onerror=alert(1)> [click](javascript:alert(2))';

describe('HTML and PDF exports with citations, hostile input', () => {
  for (const format of ['html', 'pdf'] as const)
    for (const style of ['apa', 'chicago-notes'])
      it(`${format}, ${style}: hostile titles, authors and links stay text`, async () => {
        const ctx = await openJsonLibrary();
        await fillSample(ctx);
        const meta = ctx.store.getArticleMeta('a_mt')!;
        await ctx.store.putArticleMeta({
          ...meta,
          title: TITLE,
          author: '<svg onload=alert(3)>',
          source: '<script>alert(4)</script>',
        });
        await ctx.store.putNote({
          id: 'n_hostile',
          title: 'Hostile',
          articleId: null,
          tags: [],
          createdAt: '2026-11-21T10:00:00.000Z',
          updatedAt: '2026-11-21T10:00:00.000Z',
          body: [
            '[the quote](scholia://passage/p_mt)',
            '',
            'Inline: [this](scholia://passage/p_mt) and [that](&#x6a;avascript&#x3a;alert(5)) and [x](javascript:alert(6)).',
            '',
            '<img src=x onerror=alert(7)>',
          ].join('\n'),
        });
        const { files } = await renderExport(ctx, {
          format,
          scope: { noteIds: ['n_hostile'] },
          citations: { style, keepLinks: true },
        });
        expect(files).toHaveLength(1);
        const html = files[0]!.text!;
        expect(activeParts(html)).toEqual([]);
        const main = new JSDOM(html).window.document.querySelector('main')!;
        // The hostile title is cited, as the text it is (Chicago title-cases it).
        expect(main.querySelector('section.bibliography')?.textContent?.toLowerCase()).toContain(
          '<img src=x onerror=alert(1)>',
        );
        expect(main.textContent).toContain('<img src=x onerror=alert(7)>');
        expect(main.querySelectorAll('img, svg, script')).toHaveLength(0);
      }, 120_000);
});
