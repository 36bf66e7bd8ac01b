// This room's part of the ScholiaApi contract (composed in ../api.ts):
// passages (highlights over an article's canonical text), their re-anchoring
// when the text changes, and the notes that cite them.
import type { NoteMeta, Passage } from '../model.js';
import type { PageSpan } from '../pages.js';

/** A passage as front ends show it: with the ids of the notes that link to it. */
export interface PassageView extends Passage {
  notes: string[];
  /** PDF articles: the pages the passage is on (core/pages.ts), and as a citation prints them ("p. 12", "pp. 12–13"). */
  pages?: PageSpan;
  pageLabel?: string;
}

export interface AddPassageInput {
  articleId: string;
  /** Offsets into the article's canonical text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  color?: string;
  tags?: string[];
  /** A short annotation on the highlight (see Passage.comment). */
  comment?: string;
}

export interface PassagePatch {
  color?: string;
  tags?: string[];
  /** Sets the highlight's comment; an empty string removes it. */
  comment?: string;
}

export interface PassageFilter {
  articleId?: string;
}

/**
 * What a text change did to an article's passages. Every passage is counted
 * once: unchanged + moved + fuzzy + orphaned = all of the article's passages.
 */
export interface ReanchorReport {
  /** Found exactly, at a different offset. */
  moved: number;
  /** Found by approximate matching (the passage's own words were edited). */
  fuzzy: number;
  /** Could not be placed: kept with their quote, listed for re-attaching. */
  orphaned: number;
  /** Found exactly where they were. */
  unchanged: number;
}

export interface PassagesApi {
  addPassage(input: AddPassageInput): Promise<PassageView>;
  listPassages(filter?: PassageFilter): Promise<PassageView[]>;
  getPassage(id: string): Promise<PassageView | null>;
  updatePassage(id: string, patch: PassagePatch): Promise<PassageView>;
  /** Moves the passage to the trash (restorable); notes citing it show a broken link. */
  deletePassage(id: string): Promise<void>;
  /** Places a passage (typically an orphan) on a new selection of the current text. */
  reattachPassage(id: string, start: number, end: number): Promise<PassageView>;
  /** Replaces the article's canonical text and re-anchors its passages. */
  editArticleText(articleId: string, text: string): Promise<ReanchorReport>;
  /** Puts a removed boilerplate block back into the text and re-anchors the passages. */
  restoreRemovedBlock(articleId: string, blockId: string): Promise<ReanchorReport>;
  /** Backlinks: the notes whose Markdown links to the passage (scholia://passage/<id>). */
  notesForPassage(id: string): Promise<NoteMeta[]>;
}
