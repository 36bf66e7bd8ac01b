// This room's part of the ScholiaApi contract (composed in ../api.ts): the one
// trash for articles, notes and passages. Deleting is done by each kind's room
// (deleteArticle, deleteNote, deletePassage); looking into the trash, taking
// something back and emptying it for good are here.
import type { TrashEntry } from '../model.js';

/** Something to move to the trash: an article (with its passages), a note or a passage. */
export interface TrashTarget {
  kind: 'article' | 'note' | 'passage';
  id: string;
}

export interface TrashApi {
  /**
   * Moves several items to the trash at once (the library list's Select → Delete). Every id is
   * checked first: one that does not exist refuses the whole request, nothing moved. A passage whose
   * article is in the same request goes with its article. Restore each with restoreFromTrash (Undo).
   */
  moveToTrash(items: TrashTarget[]): Promise<{ trashed: string[] }>;
  /** What is in the trash, restorable until it is emptied. */
  listTrash(): Promise<TrashEntry[]>;
  /** Brings an item back where it was (an article with its passages). */
  restoreFromTrash(id: string): Promise<void>;
  /** Deletes everything in the trash for good (a backup is taken first). */
  emptyTrash(): Promise<void>;
}
