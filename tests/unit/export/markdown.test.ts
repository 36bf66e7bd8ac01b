import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderExport } from '../../../electron/core/export/run.js';
import type { ExportFile } from '../../../electron/core/export/format.js';
import { fillSample, openJsonLibrary, QUOTE } from './library.js';

function frontMatter(f: ExportFile): Record<string, unknown> {
  const m = f.text!.match(/^---\n([\s\S]*?)\n---\n/);
  if (!m) throw new Error(`no front matter in ${f.path}`);
  return parseYaml(m[1]!) as Record<string, unknown>;
}

function wikilinkTargets(text: string): string[] {
  return [...text.matchAll(/\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)].map((m) => m[1]!);
}

async function sample() {
  const ctx = await openJsonLibrary();
  const ids = await fillSample(ctx);
  return { ctx, ids };
}

describe('Markdown export', () => {
  it('exports the library as one file per note and per article, with YAML front matter', async () => {
    const { ctx } = await sample();
    const { files } = await renderExport(ctx, { format: 'md', scope: {} });
    expect(files).toHaveLength(4);
    const note = files.find((f) => f.path.startsWith('Blinken on Iranian drones'))!;
    const fm = frontMatter(note);
    expect(fm.title).toBe('Blinken on Iranian drones: two outlets, one quote');
    expect(fm.type).toBe('note');
    expect(fm.tags).toEqual(['ukraine/drones', 'synthesis']);
    expect(fm.source).toEqual(['The Moscow Times', 'RFE/RL']);
    expect(String(fm.created)).toContain('2026-11-21');
    const article = files.find((f) => f.path.startsWith('Russia'))!;
    const afm = frontMatter(article);
    expect(afm).toMatchObject({
      type: 'article',
      source: 'The Moscow Times',
      author: 'AFP',
      tags: ['ukraine/drones', 'iran'],
    });
    expect(afm.url).toMatch(/^https:\/\/www\.themoscowtimes\.com\//);
    // The title's colon is illegal on Windows: the file name drops it, the front matter keeps it.
    expect(article.path).toBe("Russia's Use of Iranian Drones in Ukraine 'Appalling' Blinken.md");
    expect(afm.title).toBe("Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
  });

  it('turns passage links into quotes with outlet, author, date, URL and a scholia link back', async () => {
    const { ctx, ids } = await sample();
    const { files } = await renderExport(ctx, { format: 'md', scope: { noteIds: [ids.synthesis] } });
    expect(files).toHaveLength(1);
    const text = files[0]!.text!;
    expect(text).toContain(`> ${QUOTE}\n>\n> — The Moscow Times, AFP, 2022-10-27, <https://www.themoscowtimes.com/`);
    expect(text).toContain(`> — RFE/RL, Jane Doe and John Smith, 2022-10-27, <https://www.rferl.org/`);
    expect(text).toContain('[open in Scholia](scholia://passage/p_mt)');
    // A sentence around a link keeps its words and its link; the quote follows it.
    expect(text).toMatch(
      /RFE\/RL adds where he said it: \[the same quote\]\(scholia:\/\/passage\/p_rferl\) in Ottawa\.\n\n> kill/,
    );
    // A link alone on its line is replaced by the quote, not repeated.
    expect(text).not.toContain('[“kill Ukrainian civilians”](scholia://passage/p_mt)');
    // Code is code: a link inside a fence is left as written.
    expect(text).toContain('```\n[not a link](scholia://passage/p_mt)\n```');
    // Articles outside the export are cited, not wikilinked (a dangling link would mislead).
    expect(wikilinkTargets(text)).toEqual([]);
  });

  it('links notes and articles with [[wikilinks]] that resolve to exported files', async () => {
    const { ctx } = await sample();
    const { files } = await renderExport(ctx, { format: 'md', scope: { all: true } });
    const stems = new Set(files.map((f) => f.path.replace(/\.md$/, '')));
    const links = files.flatMap((f) => wikilinkTargets(f.text!));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const l of links) expect(stems.has(l), `[[${l}]] resolves`).toBe(true);
  });

  it("lists an article's highlights as quotes with the notes citing them, and its notes", async () => {
    const { ctx, ids } = await sample();
    const { files } = await renderExport(ctx, { format: 'md', scope: { all: true } });
    const mt = files.find((f) => f.text!.includes(`scholia://article/${ids.mt}`))!;
    expect(mt.text).toMatch(
      /## Highlights\n\n- “kill Ukrainian civilians[^\n]*” — cited in \[\[Blinken on Iranian drones two outlets, one quote\|[^\]]+\]\] · \[open in Scholia\]\(scholia:\/\/passage\/p_mt\)/,
    );
    expect(mt.text).toContain('## Notes\n\n- [[Moscow Times framing]]');
    expect(mt.text).toContain('## Text\n\nSupport The Moscow Times\\!'.replace('\\!', '!'));
  });

  it('exports a tag with its sub-tags', async () => {
    const { ctx } = await sample();
    const { files } = await renderExport(ctx, { format: 'md', scope: { tag: 'ukraine' } });
    const types = files.map((f) => `${frontMatter(f).type}:${frontMatter(f).title}`).sort();
    // Both articles (ukraine, ukraine/drones) and the note tagged ukraine/drones; not the untagged note.
    expect(types).toHaveLength(3);
    expect(types.filter((t) => t.startsWith('article:'))).toHaveLength(2);
    expect(types).toContain('note:Blinken on Iranian drones: two outlets, one quote');
    await expect(renderExport(ctx, { format: 'md', scope: { tag: 'no-such-tag' } })).rejects.toThrow(
      /Nothing to export/,
    );
  });

  it('shows the remembered words of a link to a deleted passage, and marks orphans', async () => {
    const { ctx, ids } = await sample();
    const note = (await ctx.store.getNote(ids.synthesis))!;
    await ctx.store.putNote({ ...note, body: 'Gone: [“the deleted words”](scholia://passage/p_gone)' });
    const p = ctx.store.getPassage(ids.pMt)!;
    await ctx.store.putPassages([{ ...p, state: 'orphan' }]);
    const { files } = await renderExport(ctx, { format: 'md', scope: { all: true } });
    const text = files.find((f) => f.path.startsWith('Blinken on'))!.text!;
    expect(text).toContain('> “the deleted words”\n>\n> — passage no longer in the library');
    const mt = files.find((f) => f.path.startsWith('Russia'))!.text!;
    expect(mt).toContain('*(orphaned: no longer found in the text)*');
  });

  it('escapes article text so it reads as text, not Markdown', async () => {
    const { ctx, ids } = await sample();
    const meta = ctx.store.getArticleMeta(ids.rferl)!;
    const body = (await ctx.store.getArticleBody(ids.rferl))!;
    await ctx.store.putArticle(meta, {
      ...body,
      text: '# Not a heading\n\n<script>alert(1)</script> and [a](javascript:x) *stars*',
    });
    const { files } = await renderExport(ctx, { format: 'md', scope: { articleIds: [ids.rferl] } });
    const text = files[0]!.text!;
    expect(text).toContain('\\# Not a heading');
    expect(text).toContain('&lt;script\\>alert(1)&lt;/script\\>');
    expect(text).toContain('\\[a\\](javascript:x) \\*stars\\*');
  });

  it('never modifies the library', async () => {
    const { ctx } = await sample();
    const snapshot = async () => ({
      articles: structuredClone(ctx.store.listArticles()),
      notes: await Promise.all(ctx.store.listNotes().map((n) => ctx.store.getNote(n.id))),
      passages: structuredClone(ctx.store.listPassages()),
      trash: ctx.store.listTrash(),
    });
    const before = await snapshot();
    let events = 0;
    for (const e of ['article:changed', 'note:changed', 'passage:changed'] as const) ctx.events.on(e, () => events++);
    for (const format of ['md', 'html', 'json', 'csl', 'bibtex', 'w3c', 'pdf'] as const) {
      await renderExport(ctx, { format, scope: {} });
    }
    expect(await snapshot()).toEqual(before);
    expect(events).toBe(0);
  });

  it('does not count a link written inside a code block as a citation', async () => {
    const { ctx, ids } = await sample();
    const n = (await ctx.store.getNote(ids.onMt))!;
    await ctx.store.putNote({ ...n, body: 'How to link:\n\n```md\n[q](scholia://passage/p_rferl)\n```\n' });
    const { files } = await renderExport(ctx, { format: 'md', scope: { all: true } });
    const rferl = files.find((f) => f.path.startsWith('Blinken Calls'))!.text!;
    expect(rferl).toMatch(/cited in \[\[Blinken on Iranian drones[^\n]*\]\] ·/);
    expect(rferl).not.toContain('Moscow Times framing');
  });
});
