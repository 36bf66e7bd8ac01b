// This room's part of the ScholiaApi contract (composed in ../api.ts): notes in
// Markdown, standalone (a synthesis) or attached to an article.
// Plain data types only: the renderer imports this file's types through ../api.ts.
import type { Note, NoteMeta } from '../model.js';

export interface NoteInput {
  /**
   * The note's title, its own field. Omitted or empty: derived from the first line of the body that
   * is not a quote or a bare passage link (else "Note on <article>" / "Untitled note"), and it keeps
   * following the body until a title is given.
   */
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
  /**
   * Backlinks: the notes whose Markdown links to this note with `[[its title]]` (also
   * `[[title|shown text]]`, `[[title#part]]`; case and spacing aside), most recently updated first.
   */
  noteBacklinks(id: string): Promise<NoteBacklink[]>;
  /**
   * What `[[title]]` links point to, one answer per title asked (for the preview: a link to an
   * existing note opens it; one to no note can offer to create it).
   */
  resolveNoteLinks(titles: string[]): Promise<NoteLinkTarget[]>;
}

/** A note that links to another with `[[title]]`. */
export interface NoteBacklink extends NoteMeta {
  /** The lines of its body holding the links (trimmed, at most 300 characters each). */
  context: string[];
}

export interface NoteLinkTarget {
  /** The title as asked. */
  title: string;
  /** The note it names (the oldest, when several share the title), or null when none does. */
  noteId: string | null;
}
