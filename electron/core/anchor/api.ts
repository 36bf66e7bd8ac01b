// This room's part of the ScholiaApi contract (composed in ../api.ts):
// passages (highlights over an article's canonical text), their re-anchoring
// when the text changes, and the notes that cite them.
import type { NoteMeta, Passage } from '../model.js';
import type { ImportFileInput } from '../articles/api.js';
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

export interface PassagesApi extends PassageLinksApi, ArticleVersionsApi {
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

/** How one passage relates to another ('other': the user's own label). */
export type LinkRelation = 'corroborates' | 'contradicts' | 'quotes' | 'paraphrases' | 'updates' | 'other';

export interface PassageLinkInput {
  fromId: string;
  toId: string;
  relation: LinkRelation;
  /** The user's own words for the relation (required for 'other', optional otherwise). */
  label?: string;
}

/** A typed link: `fromId` <relation> `toId` ("from corroborates to"). */
export interface PassageLink {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  label?: string;
  createdAt: string;
}

/** One end of a link as cards show it. */
export interface LinkedPassage {
  id: string;
  articleId: string;
  articleTitle: string;
  source: string;
  quote: string;
}

export interface PassageLinkView extends PassageLink {
  from: LinkedPassage;
  to: LinkedPassage;
}

export interface PassageLinksApi {
  /** Links two passages with a relation (the same link twice is made once). */
  linkPassages(input: PassageLinkInput): Promise<PassageLink>;
  /** Links whose two passages exist; only those touching `passageId` when given. */
  listPassageLinks(passageId?: string | null): Promise<PassageLinkView[]>;
  deletePassageLink(id: string): Promise<void>;
}

/** An earlier text of an article, as listed. */
export interface ArticleVersionInfo {
  id: string;
  /** When a newer version replaced it. */
  replacedAt: string;
  /** When it had come in. */
  since: string;
  title: string;
  words: number;
}

/** One piece of a diff: 'del' only in the older text, 'add' only in the newer. */
export interface TextDiffPiece {
  op: 'same' | 'add' | 'del';
  text: string;
}

export interface ArticleVersionView extends ArticleVersionInfo {
  text: string;
  /** From this version to the current text. */
  diff: TextDiffPiece[];
}

/** What an update from a newer version did. */
export interface ArticleUpdateReport {
  /** False when the new version's text is the same: nothing was replaced. */
  changed: boolean;
  report: ReanchorReport;
  /** The version the old text was kept as. */
  versionId?: string;
  /** From the old text to the new. */
  diff: TextDiffPiece[];
}

export interface ArticleVersionsApi {
  /** Replaces the article's text with the version in a file (HTML, Markdown, text...), keeping the old text. */
  updateArticleFromFile(articleId: string, file: ImportFileInput): Promise<ArticleUpdateReport>;
  /** The same from a web page: the article's own address when no URL is given. */
  updateArticleFromUrl(articleId: string, url?: string | null): Promise<ArticleUpdateReport>;
  /** Earlier texts of the article, oldest first. */
  listArticleVersions(articleId: string): Promise<ArticleVersionInfo[]>;
  /** One earlier text, with its diff to the current text. */
  getArticleVersion(articleId: string, versionId: string): Promise<ArticleVersionView>;
}
