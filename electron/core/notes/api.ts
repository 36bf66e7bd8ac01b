// This room's part of the ScholiaApi contract (composed in ../api.ts): notes in
// Markdown, standalone (a synthesis) or attached to an article.
// Plain data types only: the renderer imports this file's types through ../api.ts.
import type { Note, NoteMeta } from '../model.js';

export interface NoteInput {
  title?: string;
  body?: string;
  articleId?: string | null;
  tags?: string[];
}

export interface NotesApi {
  listNotes(): Promise<NoteMeta[]>;
  getNote(id: string): Promise<Note | null>;
  createNote(input: NoteInput): Promise<Note>;
  /** Saves durably before resolving: the UI shows "saved" only after this resolves. */
  saveNote(id: string, patch: NoteInput): Promise<Note>;
  /** Moves the note to the trash. */
  deleteNote(id: string): Promise<void>;
}
