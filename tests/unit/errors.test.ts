// The error taxonomy: one CoreError base, one table from code to status, the
// same table in docs/ARCHITECTURE.md, and the user errors of issue 13 item G
// answered 4xx with a message a user can act on.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, CoreError } from '../../electron/core/errors.js';
import { isValidId, newId } from '../../electron/core/ids.js';
import { parseArgs } from '../../electron/core/contract.js';
import { ERROR_TABLE, errorResponse, hideLibraryPath, statusForCode } from '../../electron/errors.js';
import { ipcHandler } from '../../electron/ipc.js';
import { LibrarySession } from '../../electron/library-session.js';
import { argsFromBody } from '../../electron/web.js';
import type { IpcMainInvokeEvent } from 'electron';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the error table', () => {
  it('maps every code to a 4xx or 5xx status and says what the user sees', () => {
    expect(Object.keys(ERROR_TABLE).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(ERROR_TABLE[code].status, code).toBeGreaterThanOrEqual(400);
      expect(ERROR_TABLE[code].status, code).toBeLessThan(600);
      expect(ERROR_TABLE[code].user.length, code).toBeGreaterThan(10);
    }
    expect(statusForCode('no-such-code')).toBe(500);
  });

  it('is the table in docs/ARCHITECTURE.md: every code with its status, nothing else', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    const rows = [...doc.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(ERROR_CODES.map((c) => [c, ERROR_TABLE[c].status])));
  });

  it('gives anything that is not a CoreError as internal 500, with its message and no stack', () => {
    const r = errorResponse(new TypeError('x is undefined'));
    expect(r).toEqual({ status: 500, body: { error: 'x is undefined', code: 'internal' } });
  });
});

/** Every error class in electron/ (named *Error or extending one): file and name. */
function errorClassesInSource(): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        // A class named *Error, or one extending any *Error class (Error, RangeError, CoreError...).
        for (const m of readFileSync(full, 'utf8').matchAll(/\bclass\s+(\w+)\s+extends\s+(\w+)/g)) {
          if (/Error$/.test(m[1]!) || /Error$/.test(m[2]!)) out.push({ file: full, name: m[1]! });
        }
      }
    }
  };
  walk(path.join(ROOT, 'electron'));
  return out;
}

describe('every room’s error class', () => {
  it('extends CoreError (found by scanning the source, so a new class without the base fails here)', async () => {
    const classes = errorClassesInSource();
    // The ones known today; the scan must at least find them.
    expect(classes.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'StoreError',
        'ExportError',
        'ImportError',
        'BackupError',
        'TagError',
        'TagExprError',
        'InvalidArgumentsError',
        'UsageError',
        'BodyTooLarge',
      ]),
    );
    const wrong: string[] = [];
    const verified = new Set(['CoreError']);
    const shell: { file: string; name: string }[] = [];
    for (const { file, name } of classes) {
      const rel = path.relative(ROOT, file);
      // The Electron shell cannot be imported without Electron: checked by its declaration below.
      if (/^import (?!type).*from 'electron'/m.test(readFileSync(file, 'utf8'))) {
        shell.push({ file, name });
        continue;
      }
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const cls = mod[name] as (new (...a: never[]) => unknown) | undefined;
      if (typeof cls !== 'function')
        wrong.push(`${rel}: ${name} is not exported (export it so this test can check it)`);
      else if (!(cls.prototype instanceof CoreError)) wrong.push(`${rel}: ${name} does not extend CoreError`);
      else verified.add(name);
    }
    for (const { file, name } of shell) {
      const parent = new RegExp(`class\\s+${name}\\s+extends\\s+(\\w+)`).exec(readFileSync(file, 'utf8'))?.[1];
      if (!parent || !verified.has(parent))
        wrong.push(`${path.relative(ROOT, file)}: ${name} does not extend CoreError`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('user errors are 4xx with a clear message (issue 13, item G)', () => {
  let dir: string;
  let session: LibrarySession;
  let article: string;
  const ipc = () => ipcHandler(session.api, () => true);
  const call = async (method: Parameters<ReturnType<typeof ipc>>[0], args: unknown[]) => {
    const reply = await ipc()(method, {} as IpcMainInvokeEvent, args);
    if (reply.ok) throw new Error(`${method} succeeded`);
    return { status: statusForCode(reply.code), code: reply.code, error: reply.error };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-errors-'));
    session = await LibrarySession.open({ libraryDir: path.join(dir, 'library'), mode: 'browser' });
    const [r] = await session.api
      .importPaste({ text: 'Drones over Kyiv\n\nA paragraph about drones.' })
      .then((x) => [x]);
    article = r!.id!;
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('addTags and removeTags on an unknown target: 404 naming the id', async () => {
    for (const method of ['addTags', 'removeTags'] as const) {
      const r = await call(method, [[{ kind: 'note', id: 'n_doesnotexist' }], ['iran']]);
      expect(r).toMatchObject({ status: 404, code: 'not-found' });
      expect(r.error).toContain('n_doesnotexist');
    }
    // All or nothing: a known target next to an unknown one is not tagged either.
    expect(
      await call('addTags', [
        [
          { kind: 'article', id: article },
          { kind: 'passage', id: 'p_doesnotexist' },
        ],
        ['iran'],
      ]),
    ).toMatchObject({ status: 404 });
    expect((await session.api.getArticle(article))!.tags).toEqual([]);
    // And a tag that is no tag: 400.
    expect(await call('addTags', [[{ kind: 'article', id: article }], ['///']])).toMatchObject({
      status: 400,
      code: 'invalid-tag',
    });
  });

  it('exportData with an unknown note, article or tag: 4xx saying nothing was exported', async () => {
    for (const scope of [{ noteIds: ['n_nope'] }, { articleIds: ['a_nope'] }, { tag: 'no-such-tag' }]) {
      const r = await call('exportData', [{ format: 'md', scope }]);
      expect(r.status, JSON.stringify(scope)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.error).toMatch(/nothing|no /i);
    }
  });

  it('filterArticles with a syntax error: 400 saying where', async () => {
    expect(await call('filterArticles', ['((('])).toMatchObject({ status: 400, code: 'invalid-filter' });
    expect((await call('filterArticles', ['a )'])).error).toContain(')');
  });

  it('restoreBackup of an unknown backup: 404 without the library’s absolute path', async () => {
    const r = await call('restoreBackup', ['2020-01-01T00-00-00-000Z']);
    expect(r).toMatchObject({ status: 404, code: 'not-found' });
    expect(r.error).toContain('backups/2020-01-01T00-00-00-000Z');
    expect(r.error).not.toContain(dir);
  });

  it('ids Windows reserves are not ids', async () => {
    for (const bad of ['CON', 'nul', 'COM1', 'lpt9', 'aux.json', 'PRN', '../x', 'a/b', '', 'x'.repeat(101)]) {
      expect(isValidId(bad), bad).toBe(false);
    }
    for (let i = 0; i < 50; i++) expect(isValidId(newId('n'))).toBe(true);
    expect(isValidId('a_k3j9x0q2mzp1')).toBe(true);
    expect(isValidId('console')).toBe(true); // only the exact device names
    // The store checks ids read from files with the same function: what is not a string is no id.
    for (const notString of [undefined, null, 42, ['a_x']]) expect(isValidId(notString)).toBe(false);
    expect(() => parseArgs('getNote', ['CON'])).toThrow(/not a Scholia id/);
    expect(await call('getArticle', ['NUL'])).toMatchObject({ status: 400, code: 'invalid-arguments' });
  });
});

describe('browser mode’s request body', () => {
  it('must be exactly {"args": [...]}', () => {
    expect(argsFromBody('{"args":[]}')).toEqual([]);
    expect(argsFromBody('{"args":["a",1]}')).toEqual(['a', 1]);
    for (const bad of ['', 'null', '42', '[]', '{}', '{"args":null}', '{"args":{}}', '{"args":[],"x":1}']) {
      expect(() => argsFromBody(bad), bad).toThrow(/\{"args": \[\.\.\.\]\}/);
    }
  });
});

describe('hideLibraryPath', () => {
  it('shows paths inside the library relative to it, and the library itself by name', () => {
    const lib = path.join(os.tmpdir(), 'Ann', 'Scholia');
    const e = hideLibraryPath(
      new CoreError(`No backup at ${path.join(lib, 'backups', 'x')} in ${lib}`, 'not-found'),
      lib,
    );
    expect(e.message).toBe(`No backup at ${path.join('backups', 'x')} in the library folder`);
    expect(e.code).toBe('not-found');
  });
});
