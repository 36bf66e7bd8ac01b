// Where a library's sync password and passphrase are kept. The core only sees this interface: the desktop
// app gives one backed by the OS keychain (Electron safeStorage, electron/desktop/sync-credentials.ts);
// the CLI and browser mode read SCHOLIA_SYNC_PASSWORD / SCHOLIA_SYNC_PASSPHRASE and keep what the page
// sets in memory only, until Scholia closes.
export interface SyncSecretValues {
  password?: string;
  passphrase?: string;
}

export interface SyncSecrets {
  /** In words for the user: where these are kept. */
  readonly where: string;
  load(libraryDir: string): Promise<SyncSecretValues>;
  save(libraryDir: string, values: SyncSecretValues): Promise<void>;
}

/** Environment variables first (scripts), then what was set during this run. */
export function memorySecrets(env: NodeJS.ProcessEnv = process.env): SyncSecrets {
  const kept = new Map<string, SyncSecretValues>();
  return {
    where:
      'in memory until Scholia closes (browser mode and the command line: set SCHOLIA_SYNC_PASSWORD and SCHOLIA_SYNC_PASSPHRASE for scripts)',
    async load(dir) {
      const mem = kept.get(dir) ?? {};
      return {
        password: env.SCHOLIA_SYNC_PASSWORD ?? mem.password,
        passphrase: env.SCHOLIA_SYNC_PASSPHRASE ?? mem.passphrase,
      };
    },
    async save(dir, values) {
      kept.set(dir, { ...kept.get(dir), ...values });
    },
  };
}
