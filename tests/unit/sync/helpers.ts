// Libraries for the sync tests: opened through the real core, filled through the real API.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../../electron/core/core.js';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../../../electron/core/sync/index.js';
import { FIXTURES } from '../../sample-text.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `scholia-${prefix}-`));
}

export const SAMPLE = readFileSync(path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt'), 'utf8');
export const SAMPLE2 = readFileSync(path.join(FIXTURES, 'rferl-blinken-iranian-drones.txt'), 'utf8');

export interface Lib {
  dir: string;
  core: Core;
  sync: SyncService;
}

/** Opens (creating) a library; its sync service takes the given options (a cheaper key derivation...). */
export async function openLib(dir: string, opts: Partial<SyncServiceOptions> = {}): Promise<Lib> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  const sync = Object.keys(opts).length ? createSyncService(core.ctx, { libraryDir: dir, ...opts }) : core.sync;
  return { dir, core, sync };
}

/** A library with one article, one highlight and one note (returned ids). */
export async function filledLib(dir: string, opts: Partial<SyncServiceOptions> = {}) {
  const lib = await openLib(dir, opts);
  const res = await lib.core.api.importPaste({ text: SAMPLE });
  const articleId = res.id!;
  const passage = await lib.core.api.addPassage({ articleId, start: 0, end: 40 });
  const note = await lib.core.api.createNote({
    title: 'Drones',
    body: 'Line one\nLine two\nLine three\nLine four',
    articleId,
  });
  return { lib, articleId, passageId: passage.id, noteId: note.id };
}

export async function noteBody(lib: Lib, id: string): Promise<string | undefined> {
  return (await lib.core.api.getNote(id))?.body;
}
