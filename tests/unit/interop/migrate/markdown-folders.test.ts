// Joplin and Obsidian Markdown folders come in through the folder import: front
// matter (title, tags, author, the page's address), and [[links]] kept in the text.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../electron/core/core.js';
import { importPaths } from '../../../../electron/core/articles/index.js';

const FIXTURES = path.resolve(__dirname, '../../../../electron/core/interop/migrate/fixtures');
let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-md-folders-'));
  core = await openCore({ libraryDir: dir, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Markdown folders (Obsidian vault, Joplin export)', () => {
  it('imports every note with its front matter, tags and [[links]]; a `source:` link is the article’s address', async () => {
    const results = await importPaths(
      core.ctx,
      [path.join(FIXTURES, 'obsidian-vault'), path.join(FIXTURES, 'joplin-export')],
      () => {},
      { pool: false },
    );
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const list = await core.api.listArticles();
    expect(list.map((a) => a.title).sort()).toEqual(['Drones over the Black Sea', 'Grain corridor', 'Notes on OSINT']);
    expect([...new Set(list.flatMap((a) => a.tags))].sort()).toEqual([
      'clippings',
      'food',
      'methods',
      'osint',
      'ukraine',
      'ukraine/drones',
    ]);
    const drones = list.find((a) => a.title === 'Drones over the Black Sea')!;
    expect(drones.url).toBe('https://www.example.org/2024/03/drones-over-the-black-sea');
    expect(drones.source).toBe('');
    expect(drones.author).toBe('Jane Roe'); // from the clipper's list of [[links]]
    expect(drones.published).toBe('2024-03-06');
    const joplin = list.find((a) => a.title === 'Notes on OSINT')!;
    expect(joplin.url).toBe('https://blog.example.net/notes-on-osint');
    expect(joplin.author).toBe('Jane Roe');
    const text = (await core.api.getArticle(drones.id))!.text;
    expect(text).toContain('See also [[Grain corridor]] and [[Notes on OSINT|my notes]].');
  });
});
