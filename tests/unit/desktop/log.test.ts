import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLog, scrub } from '../../../electron/desktop/log.js';
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
  it('one JSON line per event with time, level and fields; below the level nothing is written', () => {
    const dir = tmp();
    const log = new RotatingLog({ dir, level: 'info', now: () => new Date('2026-01-02T03:04:05Z') });
    log.write('debug', 'noise');
    log.info('handoff.import', { files: 2, imported: 1 });
    log.error('library.open-failed', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const got = lines(log.path);
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual({
      t: '2026-01-02T03:04:05.000Z',
      level: 'info',
      event: 'handoff.import',
      files: 2,
      imported: 1,
    });
    expect(got[1]).toMatchObject({ level: 'error', event: 'library.open-failed', error: 'Error', code: 'EACCES' });
  });

  it('rotates by size and keeps only the given number of old files', () => {
    const dir = tmp();
    const log = new RotatingLog({ dir, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) log.info('tick', { i });
    expect(readFileSync(log.path).length).toBeLessThanOrEqual(400);
    expect(existsSync(log.rotatedPath(1))).toBe(true);
    expect(existsSync(log.rotatedPath(2))).toBe(true);
    expect(existsSync(log.rotatedPath(3))).toBe(false);
    // The newest events are in the current file, the previous ones in .1: nothing recent lost.
    expect(lines(log.path).at(-1)).toMatchObject({ i: 39 });
    expect(Number(lines(log.rotatedPath(1)).at(-1)!.i)).toBe(Number(lines(log.path)[0]!.i) - 1);
  });

  it('never holds article or note text, nor tokens', () => {
    const dir = tmp();
    const log = new RotatingLog({ dir });
    const article = canonicalSample('rferl-blinken-iranian-drones.txt');
    const paragraph = article.split('\n\n').find((p) => p.length > 200)!;
    const token = 'k7Qx9_ZpL2mN4vR8sT1uW3yA5bC6dE0fG9hJ2kL4mN6p';
    // An error whose message quotes a passage and carries the browser-mode token, as careless code might.
    log.error('import.failed', new Error(`Could not parse "${paragraph}" with token=${token}`), {
      detail: `Bearer ${token} and #${token}`,
    });
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(paragraph.slice(0, 40));
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 9)) expect(text).not.toContain(word);
    expect(text).toContain('[redacted]');
    // Invented event names or field names carrying text are not written as such.
    log.info(paragraph.slice(0, 60));
    expect(lines(log.path).at(-1)!.event).toBe('invalid-event-name');
  });

  it('a log that cannot be written never breaks the app', () => {
    const dir = tmp();
    const log = new RotatingLog({ dir: path.join(dir, 'file-not-dir') });
    // Make the log folder a file: every write fails.
    writeFileSync(path.join(dir, 'file-not-dir'), 'x');
    expect(() => log.info('x')).not.toThrow();
  });

  it('scrub: cuts long strings, keeps short plain ones', () => {
    expect(scrub('ENOENT: no such file')).toBe('ENOENT: no such file');
    expect(scrub('x'.repeat(500)).length).toBeLessThan(200);
  });
});
