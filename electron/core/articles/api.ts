// This room's part of the ScholiaApi contract (composed in ../api.ts):
// articles imported (files, a URL, a paste), listed, read, edited, trashed.
// Plain data types only: the renderer imports this file's types through ../api.ts.
import type { ArticleMeta, Creator, CslItemType, PageMark, RemovedBlock, TextBlock, TextLink } from '../model.js';

/** An article as the library list shows it. */
export type ArticleSummary = Pick<
  ArticleMeta,
  'id' | 'title' | 'source' | 'author' | 'published' | 'url' | 'tags' | 'words' | 'format' | 'addedAt'
> & {
  /** Highlights (passages) in the article. */
  passages: number;
  /** Notes attached to the article. */
  notes: number;
  /** Marked read by the user (setArticleRead). */
  read: boolean;
  /** Archived (setArticleArchived, or archived in the app it was migrated from: Pocket, Wallabag...). */
  archived: boolean;
};

export type ArticleSort = 'added' | 'published' | 'title' | 'source';

export interface ListArticlesOptions {
  /**
   * Order of the list: 'added' newest first, 'published' newest first (undated last), 'title' and
   * 'source' A to Z (source, then title). Omitted: the library's own order (as imported).
   */
  sort?: ArticleSort;
  /** Reverses the sort's natural direction. */
  reverse?: boolean;
  /** Only read (true) or only unread (false) articles. */
  read?: boolean;
  /** Only archived (true) or only not archived (false) articles. */
  archived?: boolean;
}

/** An article as the reader shows it. */
export interface ArticleDetail extends ArticleMeta {
  text: string;
  removed: RemovedBlock[];
  /** The document's structure over `text` (absent: paragraphs only); images are fetched with getArticleImage. */
  blocks?: TextBlock[];
  links?: TextLink[];
  /** PDF imports: where each page begins in `text` (core/pages.ts reads it); the file itself via getArticlePdf. */
  pages?: PageMark[];
}

/** A PDF article's original file and where its lines sit on the pages (for the page view). */
export interface ArticlePdf {
  /** The PDF's bytes, base64. */
  dataBase64: string;
  /** Flat runs of 7 numbers per line of the text: page index, start, end, x0, y0, x1, y1 (PDF points × 10). */
  lines: number[];
}

/** An image stored with an article, ready for an <img src>. */
export interface ArticleImage {
  mime: string;
  /** `data:<mime>;base64,...` */
  dataUrl: string;
}

/** One file handed over by a front end (file picker, drag and drop). */
export interface ImportFileInput {
  name: string;
  /** The file's bytes, base64-encoded (JSON-safe across IPC and HTTP). */
  dataBase64: string;
  mime?: string;
  /** The password of an encrypted PDF (asked for after a 'password-required' result). */
  password?: string;
  /** The page's own address when the bytes are a web page (the browser clipper): links resolve against it and the article keeps it. */
  url?: string;
}

export interface ImportResult {
  /** The file name or path as given. */
  path: string;
  status: 'imported' | 'duplicate' | 'failed';
  id?: string;
  title?: string;
  error?: string;
  /** Interchange files (W3C / Hypothesis annotations, Scholia backups, other apps' exports): what kind was recognised. */
  kind?:
    | 'w3c'
    | 'hypothesis'
    | 'scholia-backup'
    | 'pocket-html'
    | 'pocket-csv'
    | 'instapaper'
    | 'omnivore'
    | 'wallabag'
    | 'readwise'
    | 'kindle'
    | 'csl-json'
    | 'bibtex'
    | 'ris';
  /** Other apps' exports: the app it came from ("Pocket", "Kindle"). */
  app?: string;
  /** Other apps' exports: pages the export named only by link, now waiting in "To fetch". */
  pending?: number;
  /** Annotations: passages placed in their article's text. */
  passages?: number;
  /** Annotations: passages kept as orphans (quote not found in the text). */
  orphans?: number;
  /** Annotations: URLs that match no article in the library (nothing attached for them). */
  unmatched?: string[];
  /** Annotation comments became notes; a backup restored this many notes. */
  notes?: number;
  /** Backups: articles restored. */
  articles?: number;
  /** Annotations already in the library; skipped. */
  duplicates?: number;
  /** What could not be taken over, said plainly (or, for a scanned PDF, that no text was found). */
  warnings?: string[];
  /**
   * The file or page was a newer version of an article already in the library (the same address,
   * another text): that article's text was replaced, its old text kept as a version, and its
   * highlights placed again, counted here. `id` is that article's.
   */
  updated?: { moved: number; fuzzy: number; orphaned: number; unchanged: number; versionId?: string };
  /** Why a file failed, when a front end acts on it: 'password-required' / 'password-wrong' (encrypted PDFs). */
  code?: string;
}

export interface ArticleMetaPatch {
  title?: string;
  source?: string;
  author?: string;
  published?: string | null;
  url?: string;
  tags?: string[];
  // Citation metadata (issue 16): "" or null clears a field. `creators` replaces the list (and the
  // byline follows it); a new `author` alone becomes the authors. A key is unique and never made again.
  itemType?: CslItemType;
  creators?: Creator[];
  containerTitle?: string;
  publisher?: string;
  modified?: string | null;
  accessed?: string | null;
  doi?: string;
  issn?: string;
  page?: string;
  volume?: string;
  issue?: string;
  citationKey?: string;
}

export interface PasteInput {
  /** Plain text from the clipboard. */
  text: string;
  /** HTML from the clipboard, when it offered some. */
  html?: string;
}

export interface ArticlesApi {
  listArticles(opts?: ListArticlesOptions): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  /** An image the article's source carried (stored at import), or null when it has none by that id. */
  getArticleImage(articleId: string, imageId: string): Promise<ArticleImage | null>;
  /** A PDF article's original file and line boxes (for the page view), or null for other articles. */
  getArticlePdf(articleId: string): Promise<ArticlePdf | null>;
  /** Imports files; duplicates (exact or near) are reported, not imported, unless allowDuplicates. */
  importFiles(files: ImportFileInput[], opts?: { allowDuplicates?: boolean }): Promise<ImportResult[]>;
  /** Fetches a web page (http/https, with a timeout and size limit) and imports it. Fails cleanly offline. */
  importUrl(url: string, opts?: { allowDuplicates?: boolean }): Promise<ImportResult[]>;
  importPaste(input: PasteInput): Promise<ImportResult>;
  updateArticle(id: string, patch: ArticleMetaPatch): Promise<ArticleSummary>;
  /** Moves the article (with its passages) to the trash. */
  deleteArticle(id: string): Promise<void>;
  /** Marks an article read or unread (the library list's read state; not an edit of the article). */
  setArticleRead(id: string, read: boolean): Promise<ArticleSummary>;
  /** Archives an article or takes it out of the archive (a view state as in Pocket: nothing is deleted). */
  setArticleArchived(id: string, archived: boolean): Promise<ArticleSummary>;
}
