// What a complete backup needs beyond LibraryStore: the settings as a whole and
// the trash with its contents. LibraryStore (store room) does not offer these
// yet, so they are optional capabilities detected at run time; without them a
// backup says so (`trash.items: null`, `settings: null`) instead of pretending.
import type { LibraryStore } from '../store/types.js';
import type { TrashItem } from './format.js';

export interface BackupCapableStore {
  /** Every setting, as stored. */
  listSettings(): Record<string, unknown>;
  /** Trashed items with their contents (what restoreFromTrash would bring back). */
  getTrashItems(): Promise<TrashItem[]>;
  /** Puts items into the trash exactly as given (ids and deletedAt kept). */
  putTrashItems(items: TrashItem[]): Promise<void>;
}

export function backupSupport(store: LibraryStore): Partial<BackupCapableStore> {
  const s = store as LibraryStore & Partial<BackupCapableStore>;
  return {
    listSettings: typeof s.listSettings === 'function' ? () => s.listSettings!() : undefined,
    getTrashItems: typeof s.getTrashItems === 'function' ? () => s.getTrashItems!() : undefined,
    putTrashItems: typeof s.putTrashItems === 'function' ? (items) => s.putTrashItems!(items) : undefined,
  };
}
