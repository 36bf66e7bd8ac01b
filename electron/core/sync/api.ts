// This room's part of the ScholiaApi contract (composed in ../api.ts): sync between a user's devices
// through a folder that a file-sync engine replicates or a WebDAV server.
import type { IsoDate } from '../model.js';

export interface SyncTargetSettings {
  /** A folder path (Syncthing, Dropbox...) or an http(s) WebDAV URL; null stops syncing this library. */
  target: string | null;
  /** WebDAV user name (kept with the library's sync settings). */
  username?: string;
  /** WebDAV password: kept where getSyncStatus().credentialsKept says, never in the library. */
  password?: string;
  /** End-to-end encryption passphrase (same on every device); kept like the password. */
  passphrase?: string;
}

export interface SyncRunReport {
  at: IsoDate;
  uploadedOps: number;
  receivedOps: number;
  segmentsApplied: number;
  written: number;
  conflicts: number;
  pending: number;
  warnings: string[];
  bytesUp: number;
  bytesDown: number;
}

export interface SyncStatus {
  /** The remembered target (URL without credentials), or null when sync is off. */
  target: string | null;
  kind: 'folder' | 'webdav' | null;
  username: string | null;
  hasPassword: boolean;
  encrypted: boolean;
  /** Where passwords and passphrases are kept on this front end, in words for the user. */
  credentialsKept: string;
  device: string | null;
  deviceName: string;
  lastSync: { at: IsoDate; ok: boolean; error?: string; code?: string; warnings: string[] } | null;
  /** Local changes not yet uploaded (operations), counting edits since the last sync. */
  pendingChanges: number;
  /** Conflicts met so far: note sections kept with both versions, article texts kept as copies. */
  conflicts: number;
}

export interface SyncApi {
  getSyncStatus(): Promise<SyncStatus>;
  /** Remembers the target (and credentials) for this library; checks nothing until the next sync. */
  setSyncTarget(settings: SyncTargetSettings): Promise<SyncStatus>;
  /** Syncs now. Errors: sync-not-set, sync-unreachable, sync-refused, sync-full (nothing lost in any). */
  syncNow(): Promise<SyncRunReport>;
}
