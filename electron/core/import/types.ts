// Import formats are modules behind one interface and one registry (registry.ts):
// adding a format is adding a file.
import { CoreError } from '../errors.js';
import type {
  ArticleFormat,
  ArticleMeta,
  IsoDate,
  PageMark,
  RemovedBlock,
  StoredImage,
  TextBlock,
  TextLink,
} from '../model.js';

/** The citation fields an extractor may fill (issue 16); see ArticleMeta. */
export type ExtractedCitation = Partial<
  Pick<
    ArticleMeta,
    'itemType' | 'creators' | 'containerTitle' | 'publisher' | 'modified' | 'doi' | 'issn' | 'page' | 'volume' | 'issue'
  >
>;

/** One input as it arrives: a file's bytes and its name (or a pasted string). */
export interface ImportInput {
  /** File name or origin label, used for format detection and provenance. */
  name: string;
  bytes: Uint8Array;
  /** MIME type when known (drag and drop, URL fetch). */
  mime?: string;
  /** The page's URL when imported from the web. */
  url?: string;
  /**
   * Files beside an imported HTML/Markdown file that it shows as images, by the
   * relative path it names them with (read by the caller, within the file's folder).
   */
  assets?: Record<string, Uint8Array>;
  /** The password of an encrypted PDF, when the user gave one. */
  password?: string;
}

/** What an extractor makes of one input: everything an article needs, before ids. */
export interface ExtractedArticle {
  title: string;
  source: string;
  author: string;
  published: IsoDate | null;
  url: string;
  lang: string;
  tags: string[];
  /** Canonical plain text; paragraphs separated by "\n\n". */
  text: string;
  removed: RemovedBlock[];
  /** The original input decoded to a string. */
  original: string;
  /** Sanitized reader HTML (HTML/Markdown sources), else "". */
  html: string;
  /** The document's structure over `text` (HTML/Markdown sources); see ArticleBody. */
  blocks?: TextBlock[];
  links?: TextLink[];
  images?: StoredImage[];
  format: ArticleFormat;
  /** Citation metadata beyond title/source/author/published, when the source had it. */
  citation?: ExtractedCitation;
  /** PDF imports: the page map, the original file (base64) and line boxes (see ArticleBody). */
  pages?: PageMark[];
  pdf?: string;
  pdfLines?: number[];
  /** Said to the user with the import result (a scanned PDF without a text layer). */
  warnings?: string[];
}

/** A part of one input that could not be imported (a bad JSON line), with why. */
export interface ExtractionFailure {
  /** Where in the input: "articles.jsonl line 7". */
  where: string;
  error: string;
}

/** Everything one input yielded: its articles, and the parts that failed (the rest still import). */
export interface Extraction {
  articles: ExtractedArticle[];
  failures: ExtractionFailure[];
}

export interface ImportFormat {
  id: ArticleFormat;
  /** Lower-case file extensions without the dot. */
  extensions: string[];
  /** True when this format can read the input (by extension, MIME type or sniffing). */
  accepts(input: ImportInput): boolean;
  /**
   * One input may hold several articles (JSON Lines), and some parts of it may fail
   * while others import. Throws ImportError when nothing in the input can be imported.
   */
  extract(input: ImportInput): Promise<Extraction>;
}

/** 'unreadable': the input cannot be imported (422); 'invalid': not an importable address (400); 'fetch-failed': the web (502). */
export type ImportErrorCode = 'unreadable' | 'invalid' | 'fetch-failed' | 'password-required' | 'password-wrong';

/** 'password-required' / 'password-wrong': an encrypted PDF (401 / 403). */
export class ImportError extends CoreError<ImportErrorCode> {
  constructor(message: string, code: ImportErrorCode = 'unreadable') {
    super(message, code);
    this.name = 'ImportError';
  }
}
