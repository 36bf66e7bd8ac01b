// `scholia sync` and `scholia sync status` on real libraries: the --json shapes, the remembered target,
// and the messages when nothing is set up.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import { FIXTURES } from '../../sample-text.js';
import { tempDir } from './helpers.js';

const MT = path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt');

describe('scholia sync', () => {
  it('says how to set a target when none is set (exit 1, nothing written)', async () => {
    const lib = tempDir('cli-sync');
    await runCli(lib, 'import', MT);
    const r = await runCli(lib, 'sync');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/No sync target is set for this library.*--target/);
    expect(readdirSync(lib)).not.toContain('sync');
  });

  it('syncs two libraries through a folder, remembers it, and reports --json shapes', async () => {
    const a = tempDir('cli-sync-a');
    const b = tempDir('cli-sync-b');
    const target = tempDir('cli-sync-target');
    await runCli(a, 'import', MT);
    const first = await runCli(a, 'sync', '--target', target, '--json');
    expect(first.code).toBe(0);
    const [report] = first.json();
    expect(report).toMatchObject({ uploadedOps: 1, receivedOps: 0, conflicts: 0, warnings: [] });
    expect(Object.keys(report!).sort()).toEqual(
      [
        'at',
        'bytesDown',
        'bytesUp',
        'conflicts',
        'pending',
        'receivedOps',
        'segmentsApplied',
        'uploadedOps',
        'warnings',
        'written',
      ].sort(),
    );
    expect((await runCli(b, 'sync', '--target', target, '--json')).json()[0]).toMatchObject({ receivedOps: 1 });
    expect((await runCli(b, 'list', '--json')).json()[0]!.title).toMatch(/Drones/);
    // Remembered: no --target the second time.
    expect((await runCli(a, 'sync', '--json')).code).toBe(0);
    const status = (await runCli(a, 'sync', 'status', '--json')).json()[0]!;
    expect(status).toMatchObject({ target: path.resolve(target), kind: 'folder', encrypted: false, pendingChanges: 0 });
    expect((status.lastSync as { ok: boolean }).ok).toBe(true);
    const text = await runCli(a, 'sync', 'status');
    expect(text.out.join('\n')).toMatch(/Target: .* \(folder\)\nLast sync: .* ok\nPending changes: 0/);
  });

  it('refuses unknown subcommands with the usage (exit 64)', async () => {
    const lib = tempDir('cli-sync-usage');
    await runCli(lib, 'import', MT);
    const r = await runCli(lib, 'sync', 'now');
    expect(r.code).toBe(64);
    expect(r.err.join('\n')).toMatch(/scholia sync \[--target/);
  });
});
