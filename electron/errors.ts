// How an error reaches a front end: one table from code to HTTP status (IPC
// replies carry the code and the message), a message a user can act on, never
// a stack. Nothing a user can cause is a 500: a 500 is our bug (or the disk's).
import path from 'node:path';
import { CoreError, type ErrorCode } from './core/errors.js';

export interface ErrorEntry {
  status: number;
  /** What the user sees (docs/ARCHITECTURE.md "Errors" lists the same). */
  user: string;
}

export const ERROR_TABLE: Record<ErrorCode, ErrorEntry> = {
  'invalid-arguments': { status: 400, user: 'The request was malformed: which argument and why.' },
  'not-found': { status: 404, user: 'No such article, note, passage, tag target or backup (with its id).' },
  corrupt: { status: 503, user: 'The library file is damaged: the recovery screen (check, restore a backup).' },
  locked: { status: 423, user: 'Another Scholia has the library open (which program, since when).' },
  io: { status: 500, user: 'The disk refused a read or write (full, read-only, permissions); nothing was lost.' },
  schema: { status: 409, user: 'The library was written by a newer Scholia: update the app.' },
  'unknown-format': { status: 400, user: 'No export format by that name (the formats are listed).' },
  empty: { status: 422, user: 'Nothing to export for that choice (e.g. no item has the tag).' },
  exists: { status: 409, user: 'The export would overwrite a file; choose another name or folder.' },
  'not-empty': { status: 409, user: 'The export folder is not empty; choose an empty one.' },
  'no-chromium': { status: 503, user: 'PDF export needs Chrome or Chromium; where to get it or how to point to it.' },
  pdf: { status: 500, user: 'Chromium ran but made no PDF.' },
  invalid: { status: 400, user: 'The export or import request cannot be done as given (with the reason).' },
  unreadable: { status: 422, user: 'The file or page cannot be imported (empty, binary, unknown encoding); why.' },
  'fetch-failed': { status: 502, user: 'The web page could not be downloaded (offline, timeout, server error).' },
  'password-required': { status: 422, user: 'The PDF is encrypted: import it again with its password.' },
  'password-wrong': { status: 422, user: 'The password given for the encrypted PDF is not its password.' },
  'bad-backup': { status: 422, user: 'Not a readable Scholia backup (what is wrong); nothing was imported.' },
  'invalid-tag': { status: 400, user: 'Not a usable tag name, or a tag moved inside itself.' },
  'invalid-filter': { status: 400, user: 'The tag filter cannot be read (where it goes wrong).' },
  unavailable: {
    status: 409,
    user: 'Not possible here or now (e.g. switching a library given with --library); what to do instead.',
  },
  'invalid-collection': {
    status: 400,
    user: 'A saved search needs a name and either a query or a tag filter; names are unique.',
  },
  'invalid-query': {
    status: 400,
    user: 'A search filter has a value it cannot read (e.g. before:2022-13-45), with an example.',
  },
  usage: { status: 400, user: 'CLI: the command line cannot be run as typed, with the usage (exit code 64).' },
  'sync-unreachable': {
    status: 502,
    user: 'Sync: the target failed or timed out (which, what it said); nothing was lost, sync again later.',
  },
  'sync-refused': {
    status: 403,
    user: 'Sync: the target refused the credentials, or the passphrase does not open it.',
  },
  'sync-full': { status: 507, user: 'Sync: the target is full; nothing was lost, free space and sync again.' },
  'sync-not-set': { status: 409, user: 'Sync: no sync target is set for this library (how to set one).' },
  unauthorized: { status: 401, user: 'Browser mode: the page lacks the session token; open the printed URL.' },
  forbidden: { status: 403, user: 'A request from a foreign page, host or origin was refused.' },
  'no-such-method': { status: 404, user: 'Browser mode: no API method by that name.' },
  'method-not-allowed': { status: 405, user: 'Browser mode: wrong HTTP method (API calls are POST).' },
  'unsupported-media-type': { status: 415, user: 'Browser mode: API calls send application/json.' },
  'too-large': { status: 413, user: 'Browser mode: the request is over 64 MB.' },
  internal: { status: 500, user: 'Something unexpected failed (logged); the message, never a stack.' },
};

/** The HTTP status a code stands for (IPC replies carry only the code); unknown codes are internal. */
export function statusForCode(code: string | undefined): number {
  return Object.prototype.hasOwnProperty.call(ERROR_TABLE, code ?? '')
    ? ERROR_TABLE[code as ErrorCode].status
    : ERROR_TABLE.internal.status;
}

export interface ErrorReply {
  status: number;
  body: { error: string; code: ErrorCode };
}

export function errorResponse(err: unknown): ErrorReply {
  if (err instanceof CoreError) {
    const code = err.code as ErrorCode;
    return { status: statusForCode(code), body: { error: err.message || code, code } };
  }
  const e = err as Error | undefined;
  return { status: 500, body: { error: e?.message || 'Unexpected error', code: 'internal' } };
}

/** A reply for a front end's own refusal (token, host, method): same shape as a core error. */
export function refusal(code: ErrorCode, message: string): ErrorReply {
  return { status: statusForCode(code), body: { error: message, code } };
}

/**
 * Front ends show paths inside the library relative to it: an answer over
 * HTTP or IPC never spells out where the library lives on disk (a 404 for a
 * backup id says "backups/<id>", not "/home/ann/Scholia/backups/<id>").
 */
export function hideLibraryPath<E>(err: E, libraryDir: string): E {
  if (!(err instanceof Error) || !libraryDir || !err.message.includes(libraryDir)) return err;
  const inside = libraryDir.endsWith(path.sep) ? libraryDir : libraryDir + path.sep;
  err.message = err.message.split(inside).join('').split(libraryDir).join('the library folder');
  return err;
}
