// The one base of every error the core means a user to read: a code per case
// and a message that says what happened and what to do. Front ends map codes
// to HTTP status and IPC replies in one table (electron/errors.ts); anything
// that is not a CoreError is a bug and reaches them as 'internal'.

/**
 * Every code an error can carry across the boundary. Grouped by who raises
 * them; the status each maps to and what the user sees are in
 * electron/errors.ts and docs/ARCHITECTURE.md ("Errors").
 */
export const ERROR_CODES = [
  // Any room
  'invalid-arguments',
  'not-found',
  // The store (StoreError)
  'corrupt',
  'locked',
  'io',
  'schema',
  // Export (ExportError)
  'unknown-format',
  'empty',
  'exists',
  'not-empty',
  'no-chromium',
  'pdf',
  'invalid',
  // Import (ImportError)
  'unreadable',
  'fetch-failed',
  'password-required',
  'password-wrong',
  // Backups (BackupError)
  'bad-backup',
  // Tags (TagError, TagExprError)
  'invalid-tag',
  'invalid-filter',
  // Preferences and library switching (UnavailableError)
  'unavailable',
  // Collections (CollectionError)
  'invalid-collection',
  // Search (QueryError)
  'invalid-query',
  // The CLI (UsageError)
  'usage',
  // Sync (SyncError)
  'sync-unreachable',
  'sync-refused',
  'sync-full',
  'sync-not-set',
  // Front ends: the request itself
  'unauthorized',
  'forbidden',
  'no-such-method',
  'method-not-allowed',
  'unsupported-media-type',
  'too-large',
  // Not a CoreError: a bug or an unexpected failure
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class CoreError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    message: string,
    readonly code: C,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The code an error carries across the boundary: its own when it is a CoreError, 'internal' otherwise. */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof CoreError ? err.code : 'internal';
}
