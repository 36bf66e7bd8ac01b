import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli.js';
import { exportToPath } from '../../../electron/core/export/write.js';
import { fillSample, openJsonLibrary, tmpDir } from './library.js';

describe('exportToPath', () => {
  it('writes a Markdown folder whose wikilinks match the files written', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const out = path.join(tmpDir(), 'vault');
    const progress: Array<[number, number]> = [];
    const r = await exportToPath(ctx, { format: 'md', scope: {}, out, onProgress: (d, t) => progress.push([d, t]) });
    expect(r.status).toBe('exported');
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(readdirSync(out).sort()).toEqual(r.files.map((f) => path.basename(f)).sort());
    expect(r.files).toHaveLength(4);
  });

  it('never overwrites silently: new names in a folder, a refusal for a named file, replacement only with force', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    const dir = tmpDir();
    const first = await exportToPath(ctx, { format: 'html', scope: {}, out: dir });
    const second = await exportToPath(ctx, { format: 'html', scope: {}, out: dir });
    expect(path.basename(first.files[0]!)).toBe('Scholia library.html');
    expect(path.basename(second.files[0]!)).toBe('Scholia library (2).html');

    const named = path.join(dir, 'mine.bib');
    writeFileSync(named, 'my own bibliography');
    await expect(exportToPath(ctx, { format: 'bibtex', scope: {}, out: named })).rejects.toThrow(
      /already exists: it was left untouched.*--force/,
    );
    expect(readFileSync(named, 'utf8')).toBe('my own bibliography');
    await exportToPath(ctx, { format: 'bibtex', scope: {}, out: named, force: true });
    expect(readFileSync(named, 'utf8')).toContain('@article{');

    // Markdown into a vault that already has a note of the same name: the export picks
    // another name, and the links in the exported files point at the new name.
    const vault = path.join(dir, 'vault');
    mkdirSync(vault);
    writeFileSync(path.join(vault, 'Moscow Times framing.md'), 'my own note');
    const r = await exportToPath(ctx, { format: 'md', scope: {}, out: vault });
    expect(readFileSync(path.join(vault, 'Moscow Times framing.md'), 'utf8')).toBe('my own note');
    expect(r.files.map((f) => path.basename(f))).toContain('Moscow Times framing (2).md');
    const article = readFileSync(
      r.files.find((f) => path.basename(f).startsWith('Russia'))!,
      'utf8',
    );
    expect(article).toContain('[[Moscow Times framing (2)|Moscow Times framing]]');
    void ids;
  });

  it('keeps files inside the destination whatever the titles say', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    const n = (await ctx.store.getNote(ids.onMt))!;
    await ctx.store.putNote({ ...n, title: '../../escaped' });
    const m = (await ctx.store.getNote(ids.synthesis))!;
    await ctx.store.putNote({ ...m, title: 'CON' });
    const root = tmpDir();
    const out = path.join(root, 'a', 'b');
    const r = await exportToPath(ctx, { format: 'md', scope: {}, out });
    for (const f of r.files) expect(path.dirname(f)).toBe(out);
    expect(existsSync(path.join(root, 'escaped.md'))).toBe(false);
    expect(r.files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['escaped.md', 'CON_.md']));
  });

  it('exports one note to a named .md file', async () => {
    const ctx = await openJsonLibrary();
    const ids = await fillSample(ctx);
    const out = path.join(tmpDir(), 'one.md');
    const r = await exportToPath(ctx, { format: 'md', scope: { noteIds: [ids.onMt] }, out });
    expect(r.files).toEqual([out]);
    expect(readFileSync(out, 'utf8')).toContain('# Moscow Times framing');
    await expect(exportToPath(ctx, { format: 'md', scope: {}, out: path.join(tmpDir(), 'all.md') })).rejects.toThrow(
      /makes 4 files: give a folder/,
    );
  });
});

describe('scholia export (CLI)', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('exports a tag as JSON lines and refuses bad arguments with usage', async () => {
    const lib = tmpDir();
    const ctx = await openJsonLibrary(lib);
    await fillSample(ctx);
    await ctx.store.close(); // one writer per library: the CLI opens it next
    const out = path.join(tmpDir(), 'tag-export');
    const r = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'md',
      '--out',
      out,
      '--tag',
      'ukraine/drones',
      '--json',
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out[0]!) as { status: string; format: string; files: string[]; count: number };
    expect(line).toMatchObject({ status: 'exported', format: 'md', count: 2 });
    expect(readdirSync(out)).toHaveLength(2);

    const note = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'csl',
      '--out',
      path.join(out, 'c.json'),
      '--note',
      'n_synth',
    ]);
    expect(note.code).toBe(0);
    expect(note.out[0]).toMatch(/^Exported csl to .*c\.json$/);

    const bad = await cli(['--library', lib, 'export', '--format', 'odt', '--out', out]);
    expect(bad.code).toBe(64);
    expect(bad.err.join('\n')).toMatch(/--format must be one of md, html, pdf, json, csl, bibtex, w3c/);
    const missing = await cli(['--library', lib, 'export', '--format', 'md', '--out', out, '--note', 'n_nope']);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/No note n_nope in the library/);
  });
});
