// The one interface every export format implements (cf. Joplin's InteropService
// modules): a format turns a gathered bundle into files. It never touches the
// library, the file system or the clock: gathering (scope.ts) and writing
// (write.ts) are done once, outside the formats.
import { CoreError } from '../errors.js';
import type { ArticleBody, ArticleMeta, Note, PageMark, Passage, PendingEntry, TrashEntry } from '../model.js';
import type { PageSpan } from '../pages.js';
import type { TrashedItem } from '../store/types.js';
import type { UserStyle } from '../cite/api.js';

export const EXPORT_FORMAT_IDS = ['md', 'html', 'pdf', 'json', 'csl', 'bibtex', 'w3c', 'docx'] as const;
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** What to export. No field (or `all`) means the whole library; several fields combine (union). */
export interface ExportScope {
  noteIds?: string[];
  articleIds?: string[];
  /** A tag; includes its sub-tags (`ukraine` covers `ukraine/drones`). */
  tag?: string;
  all?: boolean;
}

/** One file of an export, relative to the export's destination. */
export interface ExportFile {
  /** Relative path: a single safe file name (see filenames.ts). */
  path: string;
  mime: string;
  text?: string;
  base64?: string;
  /**
   * True when `text` is print-ready HTML that the front end must turn into the PDF named
   * `path` (desktop: webContents.printToPDF; browser: print dialog; CLI: headless Chromium).
   */
  printToPdf?: boolean;
}

export interface BundleArticle {
  meta: ArticleMeta;
  /** Loaded only when the format asks for bodies. */
  body?: ArticleBody;
}

/** A trashed item with what is needed to restore it (the store's own shape). */
export type TrashItem = TrashedItem;

/** Everything a format may render, gathered once from the store for a scope. */
export interface ExportBundle {
  scope: ExportScope;
  /** True when the scope is the whole library (backups include trash and settings only then). */
  whole: boolean;
  exportedAt: string;
  /** Articles in scope, in library order. */
  articles: BundleArticle[];
  /** Notes in scope, with bodies, in library order. */
  notes: Note[];
  /** Passages of the articles in scope, plus passages cited by the notes in scope. */
  passages: Passage[];
  /** Articles cited by the notes in scope (attached or linked) that are not in `articles`. */
  citedArticles: ArticleMeta[];
  /** Bodies of citedArticles, loaded when the format needs bodies (a partial backup must be self-contained). */
  citedBodies?: Map<string, ArticleBody>;
  /** Look-ups over the WHOLE library, to resolve links that point outside the scope. */
  lookup: {
    article(id: string): ArticleMeta | undefined;
    passage(id: string): Passage | undefined;
    /**
     * PDF articles: the page map of an article the bundle's passages are in (core/pages.ts), and the
     * pages a passage is on (null for other articles and orphans). Absent in bundles made elsewhere.
     */
    pageMap?(articleId: string): PageMark[] | undefined;
    pages?(passage: Passage): PageSpan | null;
  };
  /** Filled for the whole library only. */
  trash?: { entries: TrashEntry[]; items: TrashItem[] };
  settings?: Record<string, unknown>;
  /** The "To fetch" list (whole library only, for the JSON backup). */
  pending?: PendingEntry[];
  /** Typed links between two passages both in `passages` (issue 17), for the W3C export's `linking` annotations. */
  passageLinks?: { id: string; fromId: string; toId: string; relation: string; label?: string; createdAt: string }[];
}

/** How formats that cite (DOCX, Markdown with citations) cite. */
export interface CitationOptions {
  /** CSL style id (built-in or the user's); default 'apa'. */
  style?: string;
  /** Keep a scholia:// link beside each citation, for readers who have the library. */
  keepLinks?: boolean;
  /** The library's own styles (its settings), for a user style id. */
  userStyles?: UserStyle[];
}

export interface RenderOptions {
  /**
   * File names already present at the destination (lower-cased): formats that
   * emit several linked files choose other names so links stay right and
   * nothing is overwritten.
   */
  taken?: ReadonlySet<string>;
  appVersion?: string;
  /** Citations for formats that resolve them (DOCX): the CSL style and whether scholia:// links stay beside. */
  citations?: CitationOptions;
  /** What the format could not do well (a passage it could not cite...), for the export's report. */
  warnings?: string[];
}

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /** 'file': one file; 'folder': a folder of files (one per note and article). */
  output: 'file' | 'folder';
  /** Whether rendering needs article bodies (text, original input): loading them costs I/O. */
  needsBodies: boolean;
  render(bundle: ExportBundle, opts: RenderOptions): ExportFile[] | Promise<ExportFile[]>;
}

export type ExportErrorCode =
  'unknown-format' | 'empty' | 'exists' | 'not-empty' | 'no-chromium' | 'pdf' | 'invalid' | 'not-found';

export class ExportError extends CoreError<ExportErrorCode> {
  constructor(message: string, code: ExportErrorCode = 'invalid') {
    super(message, code);
    this.name = 'ExportError';
  }
}
