// The structured log: JSON lines with levels, rotated by size, and by
// construction free of what the user wrote and of the browser-mode token.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core.js';
import { CoreError } from '../../electron/core/errors.js';
import { createLogger, defaultLogDir, openFileLogger, scrubMessage } from '../../electron/core/log.js';
import { Problems } from '../../electron/core/problems.js';
import { ipcHandler } from '../../electron/ipc.js';
import { startWebServer } from '../../electron/web.js';
import type { IpcMainInvokeEvent } from 'electron';
import { canonicalSample } from '../sample-text.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the log file', () => {
  it('writes one JSON object per line, at or above its level', () => {
    const log = openFileLogger(dir, { level: 'info' });
    log.debug('search.query', { ms: 3 });
    log.info('cli.command', { command: 'list', exit: 0, ms: 12.3456 });
    log.error('api.failed', { method: 'getNote', status: 500 }, new TypeError('x is undefined'));
    log.close();
    const got = lines(path.join(dir, 'scholia.log'));
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ level: 'info', event: 'cli.command', command: 'list', exit: 0, ms: 12.346 });
    expect(got[1]).toMatchObject({
      level: 'error',
      event: 'api.failed',
      method: 'getNote',
      err: { name: 'TypeError', message: 'x is undefined' },
    });
    expect(Date.parse(got[0]!.t as string)).not.toBeNaN();
  });

  it('rotates at its size cap and keeps N files', () => {
    const log = openFileLogger(dir, { maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 200; i++) log.info('import.file.failed', { n: i, code: 'unreadable' });
    log.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['scholia.1.log', 'scholia.2.log', 'scholia.log']);
    for (const f of files) expect(readFileSync(path.join(dir, f)).length).toBeLessThanOrEqual(2000);
    // The newest lines are in scholia.log, the ones before in .1, then .2; the oldest were dropped.
    const n = (f: string) => lines(path.join(dir, f)).map((l) => l.n as number);
    expect(n('scholia.log').at(-1)).toBe(199);
    expect(n('scholia.1.log').at(-1)).toBe(n('scholia.log')[0]! - 1);
    expect(n('scholia.2.log').at(-1)).toBe(n('scholia.1.log')[0]! - 1);
    expect(n('scholia.2.log')[0]).toBeGreaterThan(0);
  });

  it('never holds note or article text, tag filters or the token, whatever the caller passes', () => {
    const article = canonicalSample('rferl-blinken-iranian-drones.txt');
    const note = '# My private thoughts\n\nThe minister "lied" about the drones, says my source Olga.';
    const token = 'f3a9c2'.repeat(8); // browser mode's 48 hex digits
    const log = openFileLogger(dir);
    const fields = {
      id: 'n_k3j9x0q2mzp1',
      body: note,
      text: article,
      title: 'My private thoughts',
      token,
      tags: ['iran', 'my secret tag', token],
      url: `http://127.0.0.1:5000/#token=${token}`,
    };
    log.info('note.saved', fields);
    log.warn('api.refused', { code: 'unauthorized' }, new Error(`Bearer ${token} refused`));
    log.error(
      'note.save.failed',
      { id: 'n_k3j9x0q2mzp1' },
      new CoreError(`Could not save "${note}" (${article.slice(0, 500)})`, 'io'),
    );
    log.error('search.failed', {}, new Error(`Cannot read the tag filter near “${note}”`));
    log.close();
    const file = readFileSync(path.join(dir, 'scholia.log'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).not.toContain('private thoughts');
    expect(file).not.toContain('Olga');
    expect(file).not.toContain('my secret tag');
    for (const sentence of article.split(/(?<=\.)\s+/).filter((s) => s.length > 30)) {
      expect(file).not.toContain(sentence.slice(0, 30));
    }
    // What stays: ids, codes, the shape of what was refused.
    const [saved, refused, failed] = lines(path.join(dir, 'scholia.log'));
    expect(saved).toMatchObject({
      id: 'n_k3j9x0q2mzp1',
      body: `[text, ${note.length} chars]`,
      tags: ['iran', expect.any(String), expect.any(String)],
    });
    expect(refused).toMatchObject({ code: 'unauthorized', err: { message: 'Bearer [redacted] refused' } });
    expect(failed).toMatchObject({ err: { name: 'CoreError', code: 'io' } });
    expect((failed!.err as { message: string }).message.length).toBeLessThanOrEqual(200);
  });

  it('goes to the app’s log folder (the one Electron names), or $SCHOLIA_LOG_DIR', () => {
    expect(defaultLogDir({ SCHOLIA_LOG_DIR: dir }, 'linux')).toBe(dir);
    expect(defaultLogDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Scholia', 'logs'));
    expect(defaultLogDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Logs', 'Scholia'));
  });
});

describe('scrubMessage', () => {
  it('removes quoted spans and tokens, keeps the rest', () => {
    expect(scrubMessage('Cannot read the tag filter near "(((secret"')).toBe('Cannot read the tag filter near …');
    expect(scrubMessage("ENOSPC: no space left on device, write '/home/ann/x'")).toBe(
      'ENOSPC: no space left on device, write …',
    );
    expect(scrubMessage("Russia's drones (a title)\nsecond line")).toBe("Russia's drones …");
    expect(scrubMessage(`key ${'A'.repeat(40)} expired`)).toBe('key [redacted] expired');
    expect(scrubMessage('No note with id n_abc')).toBe('No note with id n_abc');
  });
});

describe('who writes it', () => {
  it('the CLI: one line per command, with its exit code and the error code of a failure', async () => {
    const logDir = path.join(dir, 'logs');
    const library = path.join(dir, 'library');
    const { main } = await import('../../electron/cli.js');
    // Read-only commands refuse a folder that holds no library: make one first.
    await (await openCore({ libraryDir: library, mode: 'cli' })).close();
    const io = { out: () => {}, err: () => {}, logDir };
    expect(await main(['--library', library, 'list'], io)).toBe(0);
    expect(await main(['--library', library, 'show', 'a_doesnotexist'], io)).not.toBe(0);
    expect(await main(['--library', library, 'show'], io)).toBe(64);
    const got = lines(path.join(logDir, 'cli.log'));
    expect(got.map((l) => [l.event, l.command, l.exit])).toEqual([
      ['cli.command', 'list', 0],
      ['cli.command', 'show', 1],
      ['cli.command', 'show', 64],
    ]);
    expect(got[0]).toMatchObject({ front: 'cli', level: 'info' });
    expect(got[2]).toMatchObject({ code: 'usage' });
  });

  it('the core: background failures are logged and listed by getProblems until the job succeeds', async () => {
    const logDir = path.join(dir, 'logs');
    const log = openFileLogger(logDir);
    const core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli', log });
    try {
      expect(await core.api.getProblems()).toEqual([]);
      const disk = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      core.ctx.problems.report('store.scheduled-backup', 'The scheduled backup failed: the disk is full.', disk);
      core.ctx.problems.report('store.scheduled-backup', 'The scheduled backup failed: the disk is full.', disk);
      const [p] = await core.api.getProblems();
      expect(p).toMatchObject({ key: 'store.scheduled-backup', count: 2, code: 'internal' });
      expect(p!.message).toContain('disk is full');
      core.ctx.problems.resolve('store.scheduled-backup');
      expect(await core.api.getProblems()).toEqual([]);
    } finally {
      await core.close();
      log.close();
    }
    const got = lines(path.join(logDir, 'scholia.log'));
    expect(got.map((l) => [l.level, l.event, l.job])).toEqual([
      ['error', 'background.failed', 'store.scheduled-backup'],
      ['error', 'background.failed', 'store.scheduled-backup'],
      ['info', 'background.recovered', 'store.scheduled-backup'],
    ]);
    expect(got[0]!.err).toMatchObject({ code: 'ENOSPC' });
  });

  it('browser mode and the IPC handler: refusals and failures by code, never the token or the arguments', async () => {
    const logDir = path.join(dir, 'logs');
    const log = openFileLogger(logDir);
    const core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'browser', log });
    const token = 'c0ffee'.repeat(8);
    const server = await startWebServer({ api: core.api, staticDir: dir, token, log });
    const post = (method: string, body: string, auth = token) =>
      fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}` },
        body,
      }).then((r) => r.status);
    try {
      expect(await post('listNotes', '{"args":[]}', 'wrong')).toBe(401);
      expect(await post('backup', 'null')).toBe(400);
      expect(await post('filterArticles', '{"args":["(((my secret filter"]}')).toBe(400);
      const ipc = ipcHandler({ ...core.api, listNotes: () => Promise.reject(new TypeError('boom')) }, () => true, log);
      expect(await ipc('listNotes', {} as IpcMainInvokeEvent, [])).toMatchObject({ ok: false, code: 'internal' });
    } finally {
      await server.close();
      await core.close();
      log.close();
    }
    const file = readFileSync(path.join(logDir, 'scholia.log'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).not.toContain('secret');
    expect(lines(path.join(logDir, 'scholia.log')).map((l) => [l.level, l.event, l.method, l.code])).toEqual([
      ['warn', 'api.refused', undefined, 'unauthorized'],
      ['info', 'api.rejected', 'backup', 'invalid-arguments'],
      ['info', 'api.rejected', 'filterArticles', 'invalid-filter'],
      ['error', 'ipc.failed', 'listNotes', 'internal'],
    ]);
  });

  it('a logger whose sink fails does not break the caller', () => {
    const log = createLogger({
      write: () => {
        throw new Error('EROFS');
      },
    });
    expect(() => log.error('x', {})).not.toThrow();
    const p = new Problems(log);
    expect(() => p.report('k', 'm', new Error('e'))).not.toThrow();
    expect(existsSync(path.join(dir, 'scholia.log'))).toBe(false);
  });
});
