// The Scholia Clipper's wire protocol: what the browser extension (clipper/)
// and the app's loopback clip endpoint (electron/clip-endpoint.ts) say to each
// other. Pure data and types: the extension imports nothing else of the app.

/** The endpoint's documented port, then its fallbacks, tried in this order by the app and the extension. */
export const CLIP_PORTS = [47417, 47418, 47419, 47420] as const;

/** Largest request body the endpoint reads (a page's DOM with its inline images). */
export const CLIP_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Largest PDF a clip carries: the import's own PDF limit (MAX_PDF_BYTES in core/import/limits.ts),
 * so a PDF the app would import from a file is never refused from the browser. Sent as base64, its
 * request is a third larger than the file: the endpoint reads up to CLIP_MAX_PDF_BODY_BYTES on that path only.
 */
export const CLIP_MAX_PDF_BYTES = 40 * 1024 * 1024;
export const CLIP_MAX_PDF_BODY_BYTES = Math.ceil(CLIP_MAX_PDF_BYTES / 3) * 4 + 256 * 1024;

/** How long a pairing code stays valid, and how many wrong tries void it. */
export const PAIRING_CODE_TTL_MS = 5 * 60 * 1000;
export const PAIRING_MAX_TRIES = 5;

/** The endpoint's paths (all POST, JSON). */
export const CLIP_PATHS = {
  /** Asks the app to show a pairing code (no token yet). */
  pairStart: '/v1/pair/start',
  /** Trades the code the user read in the app for the extension's token. */
  pair: '/v1/pair',
  status: '/v1/status',
  page: '/v1/clip/page',
  selection: '/v1/clip/selection',
  link: '/v1/clip/link',
  /** A PDF the tab shows (or a link points to), its bytes read by the extension. */
  pdf: '/v1/clip/pdf',
} as const;

export type ClipPath = (typeof CLIP_PATHS)[keyof typeof CLIP_PATHS];

export interface PairStartReply {
  /** Where the app shows the code (a dialog in the desktop app, the terminal for `scholia serve`). */
  shownIn: string;
  expiresInSeconds: number;
}

export interface PairRequest {
  code: string;
}

export interface PairReply {
  token: string;
  app: 'scholia';
  version: string;
}

export interface StatusReply {
  app: 'scholia';
  version: string;
  mode: 'desktop' | 'browser' | 'cli';
  /** The library's tags, for the popup's tag picker. */
  tags: string[];
}

/** What the user added in the popup before saving. */
export interface ClipExtras {
  tags?: string[];
  note?: string;
}

export interface ClipPageRequest extends ClipExtras {
  url: string;
  title: string;
  /** The page's DOM as the user sees it (document.documentElement.outerHTML after scripts). */
  html: string;
}

/** A selection as W3C TextQuoteSelector parts, read from the page's rendered text. */
export interface ClipSelection {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ClipSelectionRequest extends ClipPageRequest {
  selection: ClipSelection;
}

/** A PDF: its bytes as the browser has them (behind the user's logins), and where they came from. */
export interface ClipPdfRequest extends ClipExtras {
  /** Where the PDF was read: the article keeps it as its address. */
  url: string;
  /** The tab's title (the viewer shows the PDF's own title or its file name). */
  title: string;
  /** The file's bytes, base64 (at most CLIP_MAX_PDF_BYTES before encoding). */
  pdfBase64: string;
  /** The password of an encrypted PDF, when the user typed one in the popup. */
  password?: string;
}

export interface ClipLinkRequest extends ClipExtras {
  url: string;
  title?: string;
}

export interface ClipReply {
  /** 'duplicate': the page was already in the library (the passage, tags and note went onto it). */
  status: 'imported' | 'duplicate';
  articleId: string;
  title: string;
  /** Why the import called it a duplicate (near duplicates: how alike). */
  duplicateReason?: string;
  /** A selection clip: the passage placed on the article's text. */
  passage?: { id: string; start: number; end: number; quote: string };
  noteId?: string;
  /** Set when the article was saved but the selection or note could not be (said plainly). */
  warnings?: string[];
}

/** Every refusal: the same shape as the app's other front ends. */
export interface ClipErrorReply {
  error: string;
  code: string;
}

/** Where a clipped article opens in the desktop app. */
export const articleLink = (id: string): string => `scholia://article/${encodeURIComponent(id)}`;
