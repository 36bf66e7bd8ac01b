// The one contract every front end uses: the renderer (through the preload in
// Electron, through the HTTP client in browser mode), the CLI and the tests.
// Each room of the core declares its part of the contract in its own file;
// this file composes them. The runtime list of methods and their argument
// validators is contract.ts, derived from the same parts.
import type { ArticleMeta, Note, NoteMeta, RemovedBlock, TextBlock, TextLink, TrashEntry } from './model.js';
import type { PassagesApi } from './anchor/api.js';
import type { ErrorCode } from './errors.js';
import type { SearchApi } from './search/api.js';
import type { ExportApi } from './export/api.js';
import type { StoreAdminApi } from './store/api.js';
import type { TagsApi } from './tags/api.js';
import type { CrossrefApi } from './crossref/api.js';

export type { PassagesApi, SearchApi, ExportApi, StoreAdminApi, TagsApi, CrossrefApi };
export type * from './anchor/api.js';
export type * from './search/api.js';
export type * from './export/api.js';
export type * from './store/api.js';
export type * from './tags/api.js';
export type * from './crossref/api.js';

export interface AppInfo {
  name: string;
  version: string;
  /** 'desktop' in the Electron window, 'browser' in browser mode, 'cli' headless. */
  mode: 'desktop' | 'browser' | 'cli';
  libraryDir: string;
  platform: string;
  /**
   * Set when the library could not be opened (damaged, locked by another
   * Scholia): the front end shows a recovery screen instead of the library.
   * Only getInfo, doctor, listBackups and restoreBackup answer then.
   */
  recovery?: { problem: string; code: string };
}

/** An article as the library list shows it. */
export type ArticleSummary = Pick<
  ArticleMeta,
  'id' | 'title' | 'source' | 'author' | 'published' | 'url' | 'tags' | 'words' | 'format' | 'addedAt'
>;

/** An article as the reader shows it. */
export interface ArticleDetail extends ArticleMeta {
  text: string;
  removed: RemovedBlock[];
  /** The document's structure over `text` (absent: paragraphs only); images are fetched with getArticleImage. */
  blocks?: TextBlock[];
  links?: TextLink[];
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
}

export interface ImportResult {
  /** The file name or path as given. */
  path: string;
  status: 'imported' | 'duplicate' | 'failed';
  id?: string;
  title?: string;
  error?: string;
  /** Interchange files (W3C / Hypothesis annotations, Scholia backups): what kind was recognised. */
  kind?: 'w3c' | 'hypothesis' | 'scholia-backup';
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
  /** What could not be taken over, said plainly. */
  warnings?: string[];
}

export interface ArticleMetaPatch {
  title?: string;
  source?: string;
  author?: string;
  published?: string | null;
  url?: string;
  tags?: string[];
}

export interface PasteInput {
  /** Plain text from the clipboard. */
  text: string;
  /** HTML from the clipboard, when it offered some. */
  html?: string;
}

/** A background job that failed and concerns the user's data (see problems.ts). */
export interface Problem {
  /** Which job: 'crossref.catch-up', 'search.index', 'store.scheduled-backup'... */
  key: string;
  code: ErrorCode;
  /** What the user reads: what failed and what it means for their data. */
  message: string;
  /** First and latest failure (ISO). */
  since: string;
  last: string;
  count: number;
}

export interface AppApi {
  getInfo(): Promise<AppInfo>;
  /** Background work that failed and concerns the user's data (a scheduled backup, an index); empty when all is well. */
  getProblems(): Promise<Problem[]>;
}

export interface ArticlesApi {
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  /** An image the article's source carried (stored at import), or null when it has none by that id. */
  getArticleImage(articleId: string, imageId: string): Promise<ArticleImage | null>;
  /** Imports files; duplicates (exact or near) are reported, not imported, unless allowDuplicates. */
  importFiles(files: ImportFileInput[], opts?: { allowDuplicates?: boolean }): Promise<ImportResult[]>;
  /** Fetches a web page (http/https, with a timeout and size limit) and imports it. Fails cleanly offline. */
  importUrl(url: string, opts?: { allowDuplicates?: boolean }): Promise<ImportResult[]>;
  importPaste(input: PasteInput): Promise<ImportResult>;
  updateArticle(id: string, patch: ArticleMetaPatch): Promise<ArticleSummary>;
  deleteArticle(id: string): Promise<void>;
}

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
  deleteNote(id: string): Promise<void>;
  listTrash(): Promise<TrashEntry[]>;
  restoreFromTrash(id: string): Promise<void>;
}

export interface ScholiaApi
  extends AppApi, ArticlesApi, NotesApi, PassagesApi, SearchApi, TagsApi, ExportApi, StoreAdminApi, CrossrefApi {}

/** An error the API reports to a front end: message is for the user. */
export interface ApiErrorBody {
  error: string;
  code?: string;
}
