// Files and links handed over by the OS, and switching libraries, against a real library on disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importHandedFiles, resolveLink } from '../../../electron/desktop/handoff.js';
import { checkLibraryChoice, LibraryHost } from '../../../electron/library-session.js';
import { FIXTURES } from '../../sample-text.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'scholia-handoff-'));
  dirs.push(d);
  return d;
};
const hosts: LibraryHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const RFERL = path.join(FIXTURES, 'rferl-blinken-iranian-drones.txt');

describe('files opened with Scholia', () => {
  it('are imported with the usual duplicate report; unreadable ones are reported, not dropped', async () => {
    const host = new LibraryHost(path.join(tmp(), 'lib'), { mode: 'desktop' });
    hosts.push(host);
    const first = await importHandedFiles(host.api, [RFERL]);
    expect(first).toMatchObject([{ status: 'imported', title: expect.stringContaining('Blinken') }]);
    const again = await importHandedFiles(host.api, [RFERL, path.join(tmp(), 'gone.md')]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'failed']);
    expect(again[1]!.error).toMatch(/does not exist/);
    expect((await host.api.listArticles()).length).toBe(1);
  });

  it('a link to a passage that exists opens; an unknown id gets a clear message', async () => {
    const host = new LibraryHost(path.join(tmp(), 'lib'), { mode: 'desktop' });
    hosts.push(host);
    const [r] = await importHandedFiles(host.api, [RFERL]);
    const article = (await host.api.getArticle(r!.id!))!;
    const passage = await host.api.addPassage({ articleId: article.id, start: 0, end: 40 });
    expect(await resolveLink(host.api, { kind: 'passage', id: passage.id })).toEqual({ ok: true });
    expect(await resolveLink(host.api, { kind: 'article', id: article.id })).toEqual({ ok: true });
    const missing = await resolveLink(host.api, { kind: 'passage', id: 'p_doesnotexist' });
    expect(missing).toEqual({
      ok: false,
      error: expect.stringMatching(/passage p_doesnotexist, which is not in this library/),
    });
  });
});

describe('switching libraries without restarting', () => {
  it('New library… then Open library… back: each shows its own articles; calls wait while it opens', async () => {
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    const switched: string[] = [];
    const host = new LibraryHost(a, { mode: 'desktop' }, { onSwitched: (dir) => switched.push(dir) });
    hosts.push(host);
    await importHandedFiles(host.api, [RFERL]);
    const listing = host.switchTo(b, 'create');
    const during = host.api.listArticles(); // made mid-switch: answered by the new library
    await listing;
    expect(await during).toEqual([]);
    expect(host.libraryDir).toBe(b);
    expect((await host.api.getInfo()).libraryDir).toBe(b);
    await host.switchTo(a, 'open');
    expect((await host.api.listArticles()).length).toBe(1);
    expect(switched).toEqual([b, a]);
  });

  it('a wrong folder is refused with what to do instead, and the current library stays open', async () => {
    const a = path.join(tmp(), 'a');
    const host = new LibraryHost(a, { mode: 'desktop' });
    hosts.push(host);
    await host.session();
    const notLib = tmp();
    writeFileSync(path.join(notLib, 'thesis.docx'), 'x');
    await expect(host.switchTo(notLib, 'open')).rejects.toThrow(/not a Scholia library .* New library/);
    await expect(host.switchTo(notLib, 'create')).rejects.toThrow(/not empty/);
    await expect(host.switchTo(a, 'create')).rejects.toThrow(/already holds a Scholia library/);
    await expect(host.switchTo('relative/path', 'open')).rejects.toThrow(/full path/);
    expect(host.libraryDir).toBe(a);
    expect((await host.api.getInfo()).libraryDir).toBe(a);
    const empty = path.join(tmp(), 'empty');
    mkdirSync(empty);
    expect(checkLibraryChoice(empty, 'create')).toBeUndefined();
  });
});
