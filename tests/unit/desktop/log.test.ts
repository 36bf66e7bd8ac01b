// The desktop shell's log: the core's structured log as desktop.log in the app's log folder
// (what the shell writes there, and what it must never hold).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesktopLog } from '../../../electron/desktop/log.js';
import { canonicalSample } from '../../sample-text.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'scholia-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the desktop log', () => {
  it('is desktop.log beside the CLI’s cli.log: one JSON line per event; below the level nothing is written', () => {
    const dir = tmp();
    const log = openDesktopLog(dir, { level: 'info' });
    log.debug('noise');
    log.info('handoff.import', { files: 2, imported: 1 });
    log.error('library.open-failed', {}, Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    log.close();
    expect(log.file).toBe(path.join(dir, 'desktop.log'));
    const got = lines(log.file);
    expect(got).toHaveLength(2);
    expect(Date.parse(got[0]!.t as string)).not.toBeNaN();
    expect(got[0]).toEqual({
      t: got[0]!.t,
      level: 'info',
      event: 'handoff.import',
      front: 'desktop',
      files: 2,
      imported: 1,
    });
    expect(got[1]).toMatchObject({
      level: 'error',
      event: 'library.open-failed',
      front: 'desktop',
      err: { name: 'Error', code: 'EACCES', message: 'EACCES: permission denied' },
    });
  });

  it('rotates by size and keeps only the given number of files', () => {
    const dir = tmp();
    const log = openDesktopLog(dir, { maxBytes: 400, keep: 3 });
    for (let i = 0; i < 40; i++) log.info('tick', { i });
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['desktop.1.log', 'desktop.2.log', 'desktop.log']);
    expect(readFileSync(log.file).length).toBeLessThanOrEqual(400);
    // The newest events are in the current file, the previous ones in .1: nothing recent lost.
    expect(lines(log.file).at(-1)).toMatchObject({ i: 39 });
    const first = Number(lines(log.file)[0]!.i);
    expect(Number(lines(path.join(dir, 'desktop.1.log')).at(-1)!.i)).toBe(first - 1);
  });

  it('never holds article or note text, nor tokens', () => {
    const dir = tmp();
    const log = openDesktopLog(dir);
    const article = canonicalSample('rferl-blinken-iranian-drones.txt');
    const paragraph = article.split('\n\n').find((p) => p.length > 200)!;
    const token = 'k7Qx9_ZpL2mN4vR8sT1uW3yA5bC6dE0fG9hJ2kL4mN6p';
    // An error whose message quotes a passage and carries the browser-mode token, as careless code might.
    log.error(
      'import.failed',
      { detail: `Bearer ${token} and #${token}` },
      new Error(`Could not parse "${paragraph}" with token=${token}`),
    );
    // Invented event names or fields carrying text are not written as such.
    log.info(paragraph.slice(0, 60), { title: paragraph });
    log.close();
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(paragraph.slice(0, 40));
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 9)) expect(text).not.toContain(word);
    expect(lines(log.file).at(-1)!.event).toMatch(/^\[text, 60 chars\]$/);
  });

  it('a log that cannot be written never breaks the app', () => {
    const dir = tmp();
    // The log folder is a file: every write fails.
    writeFileSync(path.join(dir, 'file-not-dir'), 'x');
    const log = openDesktopLog(path.join(dir, 'file-not-dir'));
    expect(() => log.info('x')).not.toThrow();
    expect(() => log.error('y', {}, new Error('z'))).not.toThrow();
    expect(existsSync(path.join(dir, 'file-not-dir', 'desktop.log'))).toBe(false);
  });
});
