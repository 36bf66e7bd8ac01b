// A library's backup schedule, kept in its own settings (so it travels with the library):
// how often automatic backups are taken and how many backups are kept.
import type { LibraryStore } from './types.js';

export const BACKUP_SETTINGS = { intervalHours: 'backupIntervalHours', keep: 'backupKeep' } as const;
// 60 keeps everything the rotation keeps (newest 3, 24 hourly, 30 daily): the default changes nothing.
export const DEFAULT_BACKUP = { intervalHours: 1, keep: 60 } as const;

export function backupSettings(store: Pick<LibraryStore, 'getSetting'>): {
  backupIntervalHours: number;
  backupKeep: number;
} {
  const hours = store.getSetting<number>(BACKUP_SETTINGS.intervalHours);
  const keep = store.getSetting<number>(BACKUP_SETTINGS.keep);
  return {
    backupIntervalHours: Number.isInteger(hours) && hours! >= 0 ? hours! : DEFAULT_BACKUP.intervalHours,
    backupKeep: Number.isInteger(keep) && keep! >= 1 ? keep! : DEFAULT_BACKUP.keep,
  };
}
