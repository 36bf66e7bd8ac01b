// Sync against a real WebDAV server: Apache httpd with mod_dav on 127.0.0.1 (basic auth), started by the
// test. Convergence with kills, wrong credentials, end-to-end encryption, and servers that fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apacheMissing, type Apache, startApache } from './apache.js';
import { startFailingServer } from './failing-server.js';
import { filledLib, type Lib, noteBody, openLib, tempDir } from './helpers.js';
import { runScenario } from './scenario.js';

const missing = apacheMissing();
if (missing) console.log(`WebDAV sync tests skipped: ${missing}`);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

const cheapKdf = { kdf: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };

describe.skipIf(!!missing)('sync through Apache mod_dav', () => {
  let apache: Apache;
  const open: Lib[] = [];
  beforeAll(async () => {
    apache = await startApache();
    process.env.SCHOLIA_SYNC_USER = apache.user;
    process.env.SCHOLIA_SYNC_PASSWORD = apache.password;
  });
  afterAll(async () => {
    delete process.env.SCHOLIA_SYNC_USER;
    delete process.env.SCHOLIA_SYNC_PASSWORD;
    await apache?.stop();
  });
  afterEach(async () => {
    for (const l of open.splice(0)) await l.core.close();
  });

  it('two libraries converge with nothing lost, kills included', { timeout: 240_000 }, async () => {
    const r = await runScenario({
      libraries: 2,
      rounds: 5,
      seed: 1802,
      target: `${apache.url}convergence/`,
      killRate: 0.4,
    });
    console.log(
      `sync convergence (WebDAV, 2 libraries): operations ${r.operations}, syncs ${r.syncs}, kills ${r.kills}, ` +
        `conflicts ${r.conflicts}, lost ${r.lost.length}; ${r.counts.articles} articles, ${r.counts.passages} passages, ` +
        `${r.counts.notes} notes, ${r.counts.trash} in trash`,
    );
    expect(r.contents[1]).toBe(r.contents[0]);
    expect(r.lost).toEqual([]);
    expect(r.counts.notes).toBeGreaterThan(0);
  });

  it('refuses a wrong password clearly and changes nothing', async () => {
    const { lib } = await filledLib(tempDir('wrongpw'), {
      env: { SCHOLIA_SYNC_USER: apache.user, SCHOLIA_SYNC_PASSWORD: 'nope' },
    });
    open.push(lib);
    const before = JSON.stringify(await lib.core.api.listArticles());
    await expect(lib.sync.syncWithTarget(`${apache.url}wrongpw/`)).rejects.toMatchObject({
      code: 'sync-refused',
      message: expect.stringMatching(/refused the user name or password \(401\)/),
    });
    expect(JSON.stringify(await lib.core.api.listArticles())).toBe(before);
    expect((await lib.core.api.getSyncStatus()).lastSync).toMatchObject({ ok: false, code: 'sync-refused' });
  });

  it('encrypts end to end: the server holds no plaintext; a wrong passphrase is refused; the right one syncs', async () => {
    const url = `${apache.url}encrypted/`;
    const a = await filledLib(tempDir('enc-a'), {
      run: { kdf: cheapKdf },
      env: { ...process.env, SCHOLIA_SYNC_PASSPHRASE: 'correct horse' },
    });
    open.push(a.lib);
    await a.lib.core.api.saveNote(a.noteId, { body: 'A secret sentence about zeppelins.' });
    await a.lib.sync.syncWithTarget(url);
    const files = allFiles(path.join(apache.davDir, 'encrypted'));
    expect(files.length).toBeGreaterThan(4);
    for (const f of files) {
      const text = readFileSync(f, 'latin1');
      expect(text).not.toMatch(/zeppelins|Blinken|Drones|Line one/);
    }
    const wrong = await openLib(tempDir('enc-b'), {
      run: { kdf: cheapKdf },
      env: { ...process.env, SCHOLIA_SYNC_PASSPHRASE: 'wrong' },
    });
    open.push(wrong);
    await expect(wrong.sync.syncWithTarget(url)).rejects.toMatchObject({
      code: 'sync-refused',
      message: expect.stringMatching(/passphrase is wrong/),
    });
    expect(await wrong.core.api.listArticles()).toEqual([]);
    const none = await openLib(tempDir('enc-c'), { env: { ...process.env, SCHOLIA_SYNC_PASSPHRASE: undefined } });
    open.push(none);
    await expect(none.sync.syncWithTarget(url)).rejects.toMatchObject({
      code: 'sync-refused',
      message: /is encrypted/,
    });
    const right = await openLib(tempDir('enc-d'), {
      run: { kdf: cheapKdf },
      env: { ...process.env, SCHOLIA_SYNC_PASSPHRASE: 'correct horse' },
    });
    open.push(right);
    await right.sync.syncWithTarget(url);
    expect(await noteBody(right, a.noteId)).toBe('A secret sentence about zeppelins.');
  });
});

describe('sync against a WebDAV server that fails', () => {
  const open: Lib[] = [];
  afterEach(async () => {
    for (const l of open.splice(0)) await l.core.close();
  });

  for (const failure of ['error-500', 'timeout', 'full-507'] as const) {
    it(`${failure}: a clear error, the library untouched, the change still pending for a later sync`, async () => {
      const server = await startFailingServer(failure);
      try {
        const { lib, noteId } = await filledLib(tempDir(`fail-${failure}`), { run: { timeoutMs: 500 }, env: {} });
        open.push(lib);
        const before = await noteBody(lib, noteId);
        const code = failure === 'full-507' ? 'sync-full' : 'sync-unreachable';
        const message =
          failure === 'timeout'
            ? /did not answer within/
            : failure === 'full-507'
              ? /is full \(507\)/
              : /failed \(HTTP 500\)/;
        await expect(lib.sync.syncWithTarget(server.url)).rejects.toMatchObject({
          code,
          message: expect.stringMatching(message),
        });
        expect(await noteBody(lib, noteId)).toBe(before);
        const status = await lib.core.api.getSyncStatus();
        expect(status.lastSync).toMatchObject({ ok: false, code });
        expect(status.pendingChanges).toBeGreaterThan(0);
        // Later, a working target: everything goes through.
        const folder = tempDir('later');
        await lib.sync.syncWithTarget(folder);
        const other = await openLib(tempDir('other'));
        open.push(other);
        await other.sync.syncWithTarget(folder);
        expect(await noteBody(other, noteId)).toBe(before);
      } finally {
        await server.stop();
      }
    });
  }
});
