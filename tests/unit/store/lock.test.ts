import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { StoreError } from '../../../electron/core/store/types.js';
import { cleanup, note, tempLibrary } from './helpers.js';

afterEach(cleanup);

describe('one writer per library', () => {
  it('refuses a second store on the same library, naming the process that has it', async () => {
    const dir = tempLibrary();
    const first = new JsonStore(dir, { autoBackupDelayMs: 0, owner: 'desktop' });
    await first.open();
    const second = new JsonStore(dir, { autoBackupDelayMs: 0, owner: 'cli' });
    const err = await second.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('locked');
    expect((err as StoreError).message).toContain(`process ${process.pid}`);
    expect((err as StoreError).message).toContain('desktop');
    // The first keeps working; after it closes, the second gets in.
    await first.putNote(note('n_1', 'still mine'));
    await first.close();
    await second.open();
    expect((await second.getNote('n_1'))?.body).toBe('still mine');
    await second.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempLibrary();
    const s = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await s.open();
    await s.putNote(note('n_1', 'before the crash'));
    await s.close();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    const stale = {
      pid,
      processStartedAt: new Date().toISOString(),
      hostname: os.hostname(),
      acquiredAt: new Date().toISOString(),
      owner: 'desktop',
    };
    writeFileSync(path.join(dir, 'scholia.lock'), JSON.stringify(stale));
    const r = new JsonStore(dir, { autoBackupDelayMs: 0 });
    await r.open();
    expect(JSON.parse(readFileSync(path.join(dir, 'scholia.lock'), 'utf8')).pid).toBe(process.pid);
    expect((await r.getNote('n_1'))?.body).toBe('before the crash');
    await r.close();
  });
});
