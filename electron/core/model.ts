// The library's data model: what is stored, shared by every room of the core.
// Plain data only (JSON-serialisable), so it crosses IPC and HTTP unchanged.

/** ISO 8601 timestamp (UTC) or calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** A block of boilerplate removed at import: kept aside, visible and restorable. */
export interface RemovedBlock {
  id: string;
  text: string;
  /** Why it was removed, in words a user understands: "donation appeal", "newsletter prompt". */
  reason: string;
  /**
   * Where it stood: the offset in the canonical text at which it would be re-inserted
   * (a paragraph boundary) when restored.
   */
  at: number;
}

/** How an article came in. */
export type ArticleFormat = 'txt' | 'html' | 'md' | 'jsonl' | 'paste' | 'url' | 'sample' | 'pdf';

/** Article metadata: small, kept in the index file that changes often. */
export interface ArticleMeta {
  id: string;
  title: string;
  /** The outlet or site name ("The Moscow Times"); empty when unknown. */
  source: string;
  author: string;
  /** Publication date when known, else null. */
  published: IsoDate | null;
  url: string;
  lang: string;
  tags: string[];
  /** Word count of the canonical text. */
  words: number;
  format: ArticleFormat;
  /** The file name or origin it was imported from (for provenance). */
  origin: string;
  /** Hash of the canonical text (exact-duplicate detection). */
  contentHash: string;
  /** MinHash fingerprint of the canonical text (near-duplicate detection; import/near-duplicate.ts). */
  fingerprint?: string;
  /** When the user marked it read; absent or null while unread. Not an edit: updatedAt stays. */
  readAt?: IsoDate | null;
  // Citation metadata (issue 16; see citation.ts beside this file). All optional: articles imported
  // before it have none and are cited from title/source/author/published as before.
  /** CSL item type chosen from the page (article-newspaper, article-journal, report, webpage, post-weblog...). */
  itemType?: CslItemType;
  /** Structured creators, in order; when present they are the authors a citation uses (`author` is their display). */
  creators?: Creator[];
  /** The periodical or site the article appeared in (CSL container-title); `source` when absent. */
  containerTitle?: string;
  publisher?: string;
  /** Last modified, as the page says (CSL has no field: kept for the record and shown). */
  modified?: IsoDate | null;
  /** When the user accessed it (CSL accessed); `addedAt` when absent. */
  accessed?: IsoDate | null;
  doi?: string;
  issn?: string;
  /** Page range in the original publication ("12-19"); CSL's `page`. */
  page?: string;
  volume?: string;
  issue?: string;
  /** Pinned citation key (Better BibTeX style `authorYearTitleword`): made once, unique, editable, never regenerated. */
  citationKey?: string;
  /** When it was archived in the app it came from (Pocket, Wallabag, Omnivore...); absent when not archived. */
  archivedAt?: IsoDate | null;
  addedAt: IsoDate;
  updatedAt: IsoDate;
}

/** CSL 1.0.2 item types Scholia chooses or lets the user choose. */
export const CSL_ITEM_TYPES = [
  'article-newspaper',
  'article-magazine',
  'article-journal',
  'report',
  'webpage',
  'post-weblog',
  'post',
  'book',
  'chapter',
  'thesis',
  'speech',
  'interview',
  'legislation',
  'dataset',
  'document',
] as const;
export type CslItemType = (typeof CSL_ITEM_TYPES)[number];

export const CREATOR_ROLES = ['author', 'editor', 'translator', 'contributor'] as const;
export type CreatorRole = (typeof CREATOR_ROLES)[number];

/** A person (family/given) or an organisation or single name (literal), with the part they had. */
export interface Creator {
  role: CreatorRole;
  family?: string;
  given?: string;
  literal?: string;
}

/** Article body: large, stored apart from the index. */
export interface ArticleBody {
  id: string;
  /**
   * The canonical plain text: the coordinate space for passages. Paragraphs are
   * separated by a blank line ("\n\n"); the reader shows exactly this text.
   */
  text: string;
  /** Boilerplate removed at import, in document order. */
  removed: RemovedBlock[];
  /** The original input exactly as imported (raw HTML or text), for provenance. */
  original: string;
  /** Sanitized reader HTML when the source was HTML/Markdown (empty for plain text). */
  html: string;
  /**
   * The document's structure over `text` (HTML and Markdown imports): one entry per
   * paragraph of the canonical text saying what it was (heading, list item, cell...),
   * plus zero-width image entries between paragraphs. Absent for older articles and
   * plain text: the reader then shows paragraphs. Never changes the text itself.
   */
  blocks?: TextBlock[];
  /** Links inside the text (http/https only), over the same offsets. */
  links?: TextLink[];
  /** Images the source carried (data: URIs, files beside an imported file), kept for offline reading. */
  images?: StoredImage[];
  /** Earlier texts of the article, oldest first, kept when an update replaced the text (issue 17). */
  versions?: ArticleVersion[];
  /**
   * PDF imports: the page map over `text` (one entry per page, in order; see core/pages.ts).
   * Page n (1-based) covers [pages[n-1].start, pages[n].start).
   */
  pages?: PageMark[];
  /** PDF imports: the original file, base64, for the page view (never sent with getArticle). */
  pdf?: string;
  /**
   * PDF imports: where each line of `text` sits on its page, for drawing highlights on the
   * page view: flat runs of 7 numbers [page index, start, end, x0, y0, x1, y1] (PDF points × 10).
   */
  pdfLines?: number[];
}

/** An earlier text of an article, kept when a newer version replaced it (outlets edit articles silently). */
export interface ArticleVersion {
  id: string;
  /** When it was replaced. */
  replacedAt: IsoDate;
  /** When that text had come in (the article's updatedAt before the replacement). */
  since: IsoDate;
  title: string;
  text: string;
  contentHash: string;
}

/** Where a page of a PDF begins in the canonical text, and the label the PDF gives it ("xii"). */
export interface PageMark {
  start: number;
  label?: string;
}

export type TextBlockKind =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'quote'
  | 'cell'
  | 'figcaption'
  | 'code'
  | 'image'
  // PDF imports: a footnote (kept where the page prints it), a figure or table caption without
  // its image, one entry of the reference list.
  | 'footnote'
  | 'caption'
  | 'reference';

/** One paragraph of the canonical text (text.slice(start, end)) and what it was in the source. */
export interface TextBlock {
  kind: TextBlockKind;
  start: number;
  end: number;
  /** heading: 1-6. */
  level?: number;
  /** list-item: numbered list, nesting depth (1 = top level), the item's number. */
  ordered?: boolean;
  depth?: number;
  n?: number;
  /** list-item: a further paragraph of the item above (no marker of its own). */
  cont?: boolean;
  /** cell: which table of the article (0-based), which row of it, a header cell. */
  table?: number;
  row?: number;
  header?: boolean;
  /** image (start === end, at the paragraph boundary where it stood): the stored image's id and alt text. */
  image?: string;
  alt?: string;
}

export interface TextLink {
  start: number;
  end: number;
  href: string;
}

export interface StoredImage {
  id: string;
  mime: string;
  /** The image's bytes, base64. */
  data: string;
}

export type Article = ArticleMeta & ArticleBody;

/** W3C Web Annotation selectors over an article's canonical text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export type PassageState = 'anchored' | 'fuzzy' | 'orphan';

export interface Passage {
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  /** Where the passage sits in the CURRENT text (last successful anchoring). */
  position: TextPositionSelector;
  state: PassageState;
  color: string;
  tags: string[];
  /**
   * A short annotation on the highlight itself (plain text, shown on the passage card and exported
   * with it), as Hypothesis and Zotero have; absent when there is none. Longer writing goes in notes.
   */
  comment?: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface NoteMeta {
  id: string;
  title: string;
  /** The article a note is attached to, or null for a standalone (synthesis) note. */
  articleId: string | null;
  tags: string[];
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface Note extends NoteMeta {
  /** Markdown. Passage links are `[quote](scholia://passage/<id>)`. */
  body: string;
}

/** Something in the trash: restorable until the trash is emptied. */
export interface TrashEntry {
  id: string;
  kind: 'article' | 'note' | 'passage';
  title: string;
  deletedAt: IsoDate;
}

/** A highlight waiting for its article's text (a "to fetch" entry's, from an export that had no text). */
export interface PendingHighlight {
  quote: string;
  /** The user's note on it, when the export had one. */
  note?: string;
  tags?: string[];
  createdAt?: IsoDate;
}

/**
 * A "to fetch" entry: a page an export named only by its URL (Pocket, Instapaper, Zotero items without
 * a snapshot). Kept with what the export said about it until the user fetches it; then it becomes an
 * article with these tags, dates and state, and the entry goes.
 */
export interface PendingEntry {
  id: string;
  url: string;
  title: string;
  tags: string[];
  /** When it was saved in the app it came from; null when the export did not say. */
  savedAt: IsoDate | null;
  /** When it was imported into Scholia. */
  addedAt: IsoDate;
  /** Which export it came from, e.g. "Pocket (ril_export.html)". */
  origin: string;
  author?: string;
  source?: string;
  published?: IsoDate | null;
  read?: boolean;
  archived?: boolean;
  highlights?: PendingHighlight[];
  /** 'waiting' until fetched; 'failed' keeps the last failure's reason. */
  state: 'waiting' | 'failed';
  error?: string;
  attempts?: number;
  lastTriedAt?: IsoDate;
}
