// The CLI's manners around the library folder and its output (issue 12, item 14): a typo in
// --library is refused instead of creating an empty library, unknown options get the usage text
// and exit 64, a reader that stops early (`| head -1`) ends the command quietly, and read-only
// commands answer from a consistent snapshot while another process (the app) holds the library.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';
import { FIXTURES } from '../sample-text.js';

const MT = path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt');
const RFERL = path.join(FIXTURES, 'rferl-blinken-iranian-drones.txt');
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let tmp: string;
let lib: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-lib-'));
  lib = path.join(tmp, 'library');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('--library that holds no library', () => {
  it('is refused with a clear message by every command that only reads or changes one', async () => {
    const typo = path.join(tmp, 'typo');
    for (const argv of [
      ['list'],
      ['show', 'a_x'],
      ['search', 'drones'],
      ['export', '--format', 'json', '--out', path.join(tmp, 'out.json')],
      ['tags'],
      ['passages'],
      ['tag', 'add', 'article', 'a_x', 'ukraine'],
      ['backup'],
    ]) {
      const res = await runCli(typo, ...argv);
      expect(res.code, argv.join(' ')).toBe(1);
      expect(res.err).toEqual([expect.stringMatching(/^scholia: no library at .*typo: the folder does not exist/)]);
      expect(res.out).toEqual([]);
    }
    expect(existsSync(typo)).toBe(false);
    const empty = await runCli(tmp, 'list');
    expect(empty.err[0]).toMatch(/holds no Scholia library/);
    expect(existsSync(path.join(tmp, 'library.json'))).toBe(false);
  });

  it('is created by import', async () => {
    const res = await runCli(lib, 'import', MT, '--json');
    expect(res.code).toBe(0);
    expect((await runCli(lib, 'list', '--json')).json()).toHaveLength(1);
  });
});

describe('options and help', () => {
  it('answers an unknown option with exit 64 and the usage line, like every other usage mistake', async () => {
    await runCli(lib, 'import', MT);
    const res = await runCli(lib, 'list', '--bogus');
    expect(res.code).toBe(64);
    expect(res.err.join('\n')).toMatch(/Unknown option '--bogus'[\s\S]*\nUsage: scholia list/);
    expect(res.out).toEqual([]);
  });

  it('lists --json among the global options', async () => {
    const res = await runCli(lib, '--help');
    expect(res.out.join('\n')).toMatch(/Global options:[\s\S]*--json/);
  });
});

describe('as a process', () => {
  it('ends quietly when the reader closes the pipe early (| head -1, | true)', async () => {
    await runCli(lib, 'import', MT, RFERL);
    for (const reader of ['head -1', 'true']) {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `"${TSX}" tests/unit/cli-process.ts --library "${lib}" list --json | ${reader}; echo "rc=\${PIPESTATUS[0]}" >&2`,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(r.stderr.trim(), reader).toBe('rc=0');
      if (reader === 'head -1') expect(JSON.parse(r.stdout)).toHaveProperty('id');
    }
  }, 180_000);

  describe('while another process holds the library', () => {
    let holder: ChildProcess | undefined;
    afterEach(async () => {
      if (!holder) return;
      const exited = new Promise((r) => holder!.once('exit', r));
      holder.stdin!.end();
      await exited;
      holder = undefined;
    });

    async function hold(): Promise<void> {
      holder = spawn(TSX, ['tests/unit/cli-lock-holder.ts', lib, RFERL], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        holder!.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        holder!.once('exit', (code) => reject(new Error(`the holder exited (${code})`)));
      });
    }

    it('reads a consistent snapshot (index + journal) for list, show, search and export, and refuses changes', async () => {
      await runCli(lib, 'import', MT);
      await hold();
      expect(JSON.parse(readFileSync(path.join(lib, 'scholia.lock'), 'utf8'))).toMatchObject({ owner: 'desktop' });

      // The article the holder imported is only in its journal: the snapshot replays it.
      const list = await runCli(lib, 'list', '--json');
      expect(list.code).toBe(0);
      const titles = list.json().map((a) => a.title);
      expect(titles).toEqual(
        expect.arrayContaining([
          "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
          "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'",
        ]),
      );
      const rfe = list.json().find((a) => String(a.title).startsWith('Blinken Calls'))!;
      const show = await runCli(lib, 'show', String(rfe.id), '--json');
      expect(show.code).toBe(0);
      expect(show.json()[0]!.text).toContain('Iranian');

      const search = await runCli(lib, 'search', 'held', 'type:note', '--json');
      expect(search.code).toBe(0);
      expect(search.json().map((r) => r.title)).toEqual(['Held note']);

      const out = path.join(tmp, 'export.json');
      const exp = await runCli(lib, 'export', '--format', 'json', '--out', out, '--json');
      expect(exp.code).toBe(0);
      const backup = readFileSync(out, 'utf8');
      expect(backup).toContain('Written while the app holds the library');

      // A command that changes the library still needs the lock, and says who holds it.
      const tag = await runCli(lib, 'tag', 'add', 'article', String(rfe.id), 'ukraine');
      expect(tag.code).toBe(1);
      expect(tag.err[0]).toMatch(/desktop/);
      // The readers' scratch copies of the derived indexes are gone once each command ends.
      expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith(`scholia-snapshot-${process.pid}-`))).toEqual([]);
    }, 180_000);
  });
});
