// This room's part of the ScholiaApi contract (composed in ../api.ts): backups,
// restore and the library check (the trash is its own room, ../trash). Plain data types only:
// the renderer imports this file.

/** One complete backup of the library (a folder under <library>/backups/). */
export interface BackupInfo {
  /** Folder name under backups/ (a timestamp): what restoreBackup takes. */
  id: string;
  /** Absolute path of the backup folder (`scholia restore --from <path>` accepts it). */
  path: string;
  createdAt: string;
  /** Why it was taken: "manual", "hourly", "before-migration-v1", "before-empty-trash". */
  reason: string;
  schema: number;
  articles: number;
  notes: number;
  passages: number;
}

export interface RestoreResult {
  /** The backup folder restored from. */
  restoredFrom: string;
  /** Where the library's previous state was kept (never deleted). */
  keptAsideIn: string;
}

export interface DoctorReport {
  /** True when nothing needs the user's attention. */
  healthy: boolean;
  dir: string;
  /** Schema version found in the index (null when it cannot be read). */
  schema: number | null;
  /** What is wrong, one sentence each. Empty when healthy. */
  problems: string[];
  /** Harmless findings (a record torn by a crash, leftovers of interrupted writes). */
  notes: string[];
  counts: { articles: number; notes: number; passages: number; trash: number };
  backups: number;
  /** Path of the newest backup, the one a recovery would offer. */
  latestBackup: string | null;
  /** Who holds the library open right now, if anyone. */
  openBy: string | null;
}

export interface StoreAdminApi {
  /** Takes a backup now. */
  backup(): Promise<BackupInfo>;
  /** Complete backups, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /**
   * Replaces the library with a backup (by id; the newest intact one when omitted).
   * The current state is kept aside in <library>/replaced-<timestamp>/.
   */
  restoreBackup(id?: string): Promise<RestoreResult>;
  /** Checks the library on disk: bodies present, index and journal readable. */
  doctor(): Promise<DoctorReport>;
}
