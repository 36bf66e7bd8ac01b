// A front end's handle on the library. When the library opens, calls go to
// the core. When it cannot (damaged file, another Scholia holding it), the
// session stays up in recovery: the front end can check the library, list
// backups and restore one, and the library is opened again after a restore.
// Nothing is repaired or overwritten without the user's say.
import type { AppInfo, ScholiaApi } from './core/api.js';
import { API_METHODS } from './core/contract.js';
import { openCore, type Core, type CoreOptions } from './core/core.js';
import { doctor, listBackups, restoreBackup } from './core/store/recovery.js';
import { StoreError } from './core/store/types.js';
import { VERSION } from './core/version.js';
import { hideLibraryPath } from './errors.js';

export class LibrarySession {
  core: Core | undefined;
  problem: StoreError | undefined;
  /** Stable object whose methods follow the current state: hand it to IPC or HTTP once. */
  readonly api: ScholiaApi;

  private constructor(private readonly opts: CoreOptions) {
    const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of API_METHODS) {
      api[method] = async (...args: unknown[]) => {
        try {
          if (this.core) return await (this.core.api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          return await this.recoveryCall(method, args);
        } catch (err) {
          throw hideLibraryPath(err, opts.libraryDir);
        }
      };
    }
    this.api = api as unknown as ScholiaApi;
  }

  static async open(opts: CoreOptions): Promise<LibrarySession> {
    const s = new LibrarySession(opts);
    await s.tryOpen();
    return s;
  }

  /** Opens the core; a StoreError leaves the session in recovery (other errors propagate). */
  private async tryOpen(): Promise<void> {
    try {
      this.core = await openCore(this.opts);
      this.problem = undefined;
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      this.problem = err;
    }
  }

  private async recoveryCall(method: string, args: unknown[]): Promise<unknown> {
    const dir = this.opts.libraryDir;
    switch (method) {
      case 'getInfo': {
        const info: AppInfo = {
          name: 'Scholia',
          version: VERSION,
          mode: this.opts.mode,
          libraryDir: dir,
          platform: process.platform,
          recovery: { problem: this.problem?.message ?? 'The library is not open.', code: this.problem?.code ?? 'io' },
        };
        return info;
      }
      case 'getProblems':
        return [];
      case 'doctor':
        return doctor(dir);
      case 'listBackups':
        return listBackups(dir);
      case 'restoreBackup': {
        const result = await restoreBackup(dir, args[0] as string | undefined);
        await this.tryOpen();
        if (this.problem) throw this.problem;
        return result;
      }
      default:
        throw new StoreError(
          `${this.problem?.message ?? 'The library is not open.'} Restore a backup or fix the library first.`,
          this.problem?.code ?? 'io',
        );
    }
  }

  async close(): Promise<void> {
    await this.core?.close();
    this.core = undefined;
  }
}
