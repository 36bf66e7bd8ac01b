// Hostile files on disk: folder import stays inside the chosen folder, and names
// that come from imported content never reach the file system unsanitised.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/articles/files.js';
import { type Core, openCore } from '../../../electron/core/core.js';
import { exportToPath } from '../../../electron/core/export/write.js';
import { tmpDir } from '../export/library.js';

const opened: Core[] = [];
afterAll(async () => {
  for (const c of opened.splice(0)) await c.close();
});
async function open(dir: string): Promise<Core> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  opened.push(core);
  return core;
}

const words = (s: string) =>
  `${s}.\n\n${Array.from({ length: 40 }, (_, i) => `${s.split(' ')[0]}${i * 7919}`).join(' ')}.`;

describe('folder import and symbolic links', () => {
  it('does not follow links out of the chosen folder, and says so', async () => {
    const root = tmpDir('scholia-hostile-');
    const chosen = path.join(root, 'chosen');
    const outside = path.join(root, 'outside');
    mkdirSync(path.join(chosen, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(chosen, 'inside.txt'), words('Inside article'));
    writeFileSync(path.join(chosen, 'sub', 'linked-target.txt'), words('Linked inside'));
    writeFileSync(path.join(outside, 'secret.txt'), words('Private file outside'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(chosen, 'secret.txt'));
    symlinkSync('/etc/hostname', path.join(chosen, 'hostname.txt'));
    symlinkSync(outside, path.join(chosen, 'outside-dir'));
    symlinkSync(chosen, path.join(chosen, 'sub', 'loop'));
    symlinkSync(path.join(chosen, 'sub', 'linked-target.txt'), path.join(chosen, 'inner-link.txt'));

    const core = await open(path.join(root, 'library'));
    const results = await importPaths(core.ctx, [chosen], () => undefined, { pool: false });
    const titles = core.ctx.store.listArticles().map((a) => a.title);
    expect(titles).not.toContain('secret');
    // inside.txt and sub/linked-target.txt; the link to it inside the folder is followed, and is the same text.
    expect(titles.sort()).toEqual(['inside', 'linked target']);
    const refused = results.filter((r) => r.status === 'failed').map((r) => [path.basename(r.path), r.error]);
    expect(refused).toEqual([
      ['hostname.txt', 'not followed: a symbolic link to something outside the chosen folder'],
      ['secret.txt', 'not followed: a symbolic link to something outside the chosen folder'],
    ]);
  });
});

describe('file names from imported content', () => {
  it('export file names made from hostile titles stay inside the destination, safe on every platform', async () => {
    const root = tmpDir('scholia-hostile-');
    const core = await open(path.join(root, 'library'));
    const titles = [
      '../../../escaped',
      '/etc/passwd',
      'C:\\Windows\\System32\\evil',
      'CON',
      'nul.txt',
      'LPT1',
      '.hidden',
      'a<b>c:d"e|f?g*h',
      '\u0000control\u001fchars',
      'x'.repeat(400),
      '..',
      '',
    ];
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    await core.api.importFiles(
      titles.map((t, i) => ({
        name: `${i}.md`,
        dataBase64: b64(`---\ntitle: ${JSON.stringify(t)}\n---\n\n${words(`Body ${i}`)}\n`),
      })),
      { allowDuplicates: true },
    );
    for (const [i, t] of titles.entries()) {
      await core.api.createNote({ title: t, body: `note ${i}` });
    }
    const out = path.join(root, 'export');
    mkdirSync(out);
    await exportToPath(core.ctx, { format: 'md', scope: {}, out });
    const written = readdirSync(root, { recursive: true }).map(String);
    // Nothing beside the library and the export folder, nothing nested in the export.
    expect(readdirSync(root).sort()).toEqual(['export', 'library']);
    const names = readdirSync(out);
    expect(names.length).toBeGreaterThanOrEqual(titles.length);
    for (const n of names) {
      expect(n).toMatch(/^[^/\\<>:"|?*\u0000-\u001f]+\.md$/);
      expect(n).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(n.startsWith('.')).toBe(false);
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
    }
    expect(written.filter((w) => w.includes('escaped') && !w.startsWith('export'))).toEqual([]);
  });
});
