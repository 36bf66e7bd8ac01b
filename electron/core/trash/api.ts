// This room's part of the ScholiaApi contract (composed in ../api.ts): the one
// trash for articles, notes and passages. Deleting is done by each kind's room
// (deleteArticle, deleteNote, deletePassage); looking into the trash, taking
// something back and emptying it for good are here.
import type { TrashEntry } from '../model.js';

export interface TrashApi {
  /** What is in the trash, restorable until it is emptied. */
  listTrash(): Promise<TrashEntry[]>;
  /** Brings an item back where it was (an article with its passages). */
  restoreFromTrash(id: string): Promise<void>;
  /** Deletes everything in the trash for good (a backup is taken first). */
  emptyTrash(): Promise<void>;
}
