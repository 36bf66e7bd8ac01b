// The sync room's service: the remembered target, status, and one sync at a time.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context.js';
import { writeFileDurable } from '../store/index.js';
import type { SyncApi, SyncRunReport, SyncStatus, SyncTargetSettings } from './api.js';
import { capture } from './bridge.js';
import { runSync, type SyncRunOptions } from './engine.js';
import { FolderTarget } from './folder-target.js';
import { HybridClock } from './hlc.js';
import { loadState, saveState, syncDir } from './local-state.js';
import { memorySecrets, type SyncSecrets } from './secrets.js';
import { SyncError, type SyncTarget } from './types.js';
import { WebDavTarget } from './webdav-target.js';
import type { LocalBlobs } from './blobs.js';

export interface SyncConfig {
  target: string;
  username?: string;
  encrypted?: boolean;
}

export interface SyncServiceOptions {
  libraryDir: string;
  secrets?: SyncSecrets;
  /** Tests: a lower key-derivation cost, a shorter WebDAV deadline. */
  run?: Partial<Pick<SyncRunOptions, 'kdf' | 'snapshotEvery' | 'onPhase'>> & { timeoutMs?: number };
  env?: NodeJS.ProcessEnv;
}

export function isWebDavUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

export async function readConfig(libraryDir: string): Promise<SyncConfig | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(syncDir(libraryDir), 'config.json'), 'utf8')) as SyncConfig;
  } catch {
    return null;
  }
}

export async function writeConfig(libraryDir: string, config: SyncConfig | null): Promise<void> {
  const file = path.join(syncDir(libraryDir), 'config.json');
  if (!config) {
    await fs.rm(file, { force: true });
    return;
  }
  await fs.mkdir(syncDir(libraryDir), { recursive: true });
  await writeFileDurable(file, JSON.stringify(config, null, 1));
}

/** The target a remembered setting names (a relative folder is taken from the library's parent). */
export function makeTarget(
  config: SyncConfig,
  secrets: { password?: string },
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
): SyncTarget {
  if (isWebDavUrl(config.target)) {
    const url = new URL(config.target);
    const username = env.SCHOLIA_SYNC_USER ?? config.username ?? (decodeURIComponent(url.username) || undefined);
    const password = secrets.password ?? (decodeURIComponent(url.password) || undefined);
    url.username = '';
    url.password = '';
    return new WebDavTarget({ url: url.toString(), username, password, timeoutMs });
  }
  return new FolderTarget(path.resolve(config.target));
}

/** A URL without its credentials, for display and for the remembered setting. */
export function cleanTarget(target: string): { target: string; username?: string } {
  if (!isWebDavUrl(target)) return { target: path.resolve(target) };
  const url = new URL(target);
  const username = decodeURIComponent(url.username) || undefined;
  url.username = '';
  url.password = '';
  return { target: url.toString(), ...(username ? { username } : {}) };
}

export interface SyncService extends SyncApi {
  /**
   * The CLI's way in: sync (with this target, remembered for the library, when given), telling `onPhase`
   * as the run goes (SCHOLIA_SYNC_TRACE prints these: the convergence test kills runs at them).
   */
  syncWithTarget(target: string | undefined, onPhase?: SyncRunOptions['onPhase']): Promise<SyncRunReport>;
}

export function createSyncService(ctx: CoreContext, opts: SyncServiceOptions): SyncService {
  const secrets = opts.secrets ?? memorySecrets(opts.env);
  const env = opts.env ?? process.env;
  const dir = syncDir(opts.libraryDir);
  let running: Promise<SyncRunReport> | null = null;

  async function status(): Promise<SyncStatus> {
    const config = await readConfig(opts.libraryDir);
    const st = await loadState(dir);
    const known = await secrets.load(opts.libraryDir);
    // Pending: operations not uploaded plus what a capture would find now (on a copy: nothing is written).
    const copy = { entities: structuredClone(st.entities), held: structuredClone(st.held) };
    const noBlobs = { put: async () => '' } as unknown as LocalBlobs;
    let fresh = 0;
    try {
      fresh = (await capture(ctx, copy, new HybridClock(st.device), noBlobs)).length;
    } catch {
      fresh = 0;
    }
    const last = st.lastSync;
    return {
      target: config?.target ?? null,
      kind: config ? (isWebDavUrl(config.target) ? 'webdav' : 'folder') : null,
      username: config?.username ?? null,
      hasPassword: !!known.password,
      encrypted: !!config?.encrypted || !!known.passphrase,
      credentialsKept: secrets.where,
      device: st.seq || Object.keys(st.applied).length ? st.device : null,
      deviceName: st.deviceName,
      lastSync: last
        ? {
            at: last.at,
            ok: last.ok,
            warnings: last.warnings,
            ...(last.error ? { error: last.error, code: last.code } : {}),
          }
        : null,
      pendingChanges: fresh + (st.seq - st.uploaded),
      conflicts: st.conflicts,
    };
  }

  async function syncOnce(overrideTarget?: string, onPhase?: SyncRunOptions['onPhase']): Promise<SyncRunReport> {
    let config = await readConfig(opts.libraryDir);
    if (overrideTarget) {
      const clean = cleanTarget(overrideTarget);
      config = { ...clean, ...(config?.encrypted ? { encrypted: true } : {}) };
      if (!clean.username && config && isWebDavUrl(clean.target)) delete config.username;
      await writeConfig(opts.libraryDir, config);
      if (isWebDavUrl(overrideTarget)) {
        const pw = decodeURIComponent(new URL(overrideTarget).password);
        if (pw) await secrets.save(opts.libraryDir, { password: pw });
      }
    }
    if (!config)
      throw new SyncError(
        'No sync target is set for this library: choose a folder or a WebDAV URL in Preferences → Sync (or scholia sync --target).',
        'sync-not-set',
      );
    const known = await secrets.load(opts.libraryDir);
    const target = makeTarget(config, known, env, opts.run?.timeoutMs);
    try {
      const result = await runSync(ctx, dir, {
        target,
        passphrase: known.passphrase || undefined,
        kdf: opts.run?.kdf,
        snapshotEvery: opts.run?.snapshotEvery,
        onPhase: onPhase ?? opts.run?.onPhase,
      });
      if (!!known.passphrase !== !!config.encrypted)
        await writeConfig(opts.libraryDir, { ...config, encrypted: !!known.passphrase });
      const { device: _device, ...report } = result;
      return report;
    } catch (err) {
      // Remembered for the status line; the state itself was saved step by step.
      const st = await loadState(dir).catch(() => null);
      if (st) {
        st.lastSync = {
          at: ctx.now().toISOString(),
          ok: false,
          error: (err as Error).message,
          code: (err as { code?: string }).code ?? 'internal',
          uploadedOps: 0,
          receivedOps: 0,
          conflicts: 0,
          warnings: [],
        };
        await saveState(dir, st).catch(() => undefined);
      }
      throw err;
    }
  }

  return {
    getSyncStatus: status,
    async setSyncTarget(settings: SyncTargetSettings) {
      if (settings.target === null) {
        await writeConfig(opts.libraryDir, null);
        return status();
      }
      const clean = cleanTarget(settings.target);
      const username = settings.username?.trim() || clean.username;
      const old = await readConfig(opts.libraryDir);
      await writeConfig(opts.libraryDir, {
        target: clean.target,
        ...(username ? { username } : {}),
        ...(old?.target === clean.target && old.encrypted ? { encrypted: true } : {}),
      });
      const values: { password?: string; passphrase?: string } = {};
      if (settings.password !== undefined) values.password = settings.password;
      if (settings.passphrase !== undefined) values.passphrase = settings.passphrase;
      if (Object.keys(values).length) await secrets.save(opts.libraryDir, values);
      return status();
    },
    syncNow() {
      running ??= syncOnce().finally(() => {
        running = null;
      });
      return running;
    },
    syncWithTarget(target, onPhase) {
      return syncOnce(target, onPhase);
    },
  };
}
