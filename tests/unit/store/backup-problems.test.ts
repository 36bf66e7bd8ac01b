// A scheduled backup that fails is not swallowed: the user's safety net is missing, so the core lists it
// (getProblems, which the app shows) until a later scheduled backup succeeds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core.js';
import { JsonStore } from '../../../electron/core/store/json-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('a failing scheduled backup is listed by getProblems, and the listing goes once one succeeds', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholia-backup-problem-'));
  dirs.push(root);
  const dir = path.join(root, 'lib');
  const seed = await openCore({ libraryDir: dir, mode: 'cli' });
  await seed.api.createNote({ body: 'something worth a backup' });
  await seed.close();
  // A file where the backups folder should be: every backup fails.
  rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  writeFileSync(path.join(dir, 'backups'), 'not a folder');

  const store = new JsonStore(dir, { autoBackupDelayMs: 20 });
  const core = await openCore({ libraryDir: dir, mode: 'cli', store });
  try {
    await expect
      .poll(async () => (await core.api.getProblems()).map((p) => p.key), { timeout: 20_000 })
      .toContain('store.scheduled-backup');
    const [problem] = await core.api.getProblems();
    expect(problem!.message).toMatch(/scheduled backup failed/);

    // The folder is back: the next scheduled backup succeeds and the problem is gone.
    rmSync(path.join(dir, 'backups'));
    mkdirSync(path.join(dir, 'backups'));
    (store as unknown as { backupSchedule: { stop(): void; start(ms: number): void } }).backupSchedule.stop();
    (store as unknown as { backupSchedule: { start(ms: number): void } }).backupSchedule.start(10);
    await expect.poll(async () => (await core.api.getProblems()).length, { timeout: 20_000 }).toBe(0);
  } finally {
    await core.close();
  }
});
