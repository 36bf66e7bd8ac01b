// The full shape of a JSON backup, checked before anything is written: every
// record the store will keep, with the fields the reader and the exports rely
// on (a passage without its selectors, or a null quote, would restore and then
// break both). Unknown fields are dropped, never passed through: a backup from a
// newer version is refused by its version number instead.
import { z } from 'zod';
import { isValidId } from '../../ids.js';

const MAX_TEXT = 50 * 1024 * 1024;

/** An id the store can use as a file name, on every platform. */
export const safeId = z
  .string()
  .refine(isValidId, { message: 'is not a valid id (letters, digits, _ and - only; no path, no reserved name)' });

const text = (max = MAX_TEXT) => z.string().max(max);
const date = z.string().max(64);
const tags = z.array(z.string().min(1).max(500)).max(10_000);

export const articleMetaSchema = z.object({
  id: safeId,
  title: text(10_000),
  source: text(10_000),
  author: text(10_000),
  published: date.nullable(),
  url: text(10_000),
  lang: text(64),
  tags,
  words: z.number().int().min(0),
  format: z.enum(['txt', 'html', 'md', 'jsonl', 'paste', 'url', 'sample']),
  origin: text(10_000),
  contentHash: text(200),
  fingerprint: text(10_000).optional(),
  addedAt: date,
  updatedAt: date,
});

export const articleBodySchema = z.object({
  id: safeId,
  text: text(),
  removed: z
    .array(z.object({ id: z.string().max(200), text: text(), reason: text(1000), at: z.number().int().min(0) }))
    .max(100_000),
  original: text(),
  html: text(),
});

export const passageSchema = z
  .object({
    id: safeId,
    articleId: safeId,
    quote: z.object({
      type: z.literal('TextQuoteSelector'),
      exact: text().min(1),
      prefix: text(),
      suffix: text(),
    }),
    position: z.object({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
    state: z.enum(['anchored', 'fuzzy', 'orphan']),
    color: text(64),
    tags,
    createdAt: date,
    updatedAt: date,
  })
  .refine((p) => p.position.end >= p.position.start, { message: 'ends before it starts', path: ['position'] });

export const noteSchema = z.object({
  id: safeId,
  title: text(10_000),
  articleId: safeId.nullable(),
  tags,
  createdAt: date,
  updatedAt: date,
  body: text(),
});

const contents = { error: 'missing: the trashed item comes without its contents' };

const trashEntry = {
  id: safeId,
  title: text(10_000),
  deletedAt: date,
};

export const trashEntrySchema = z.object({ ...trashEntry, kind: z.enum(['article', 'note', 'passage']) });

export const trashItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...trashEntry,
    kind: z.literal('article'),
    article: z.object(
      {
        meta: articleMetaSchema,
        body: articleBodySchema.nullable(),
        passages: z.array(passageSchema),
      },
      contents,
    ),
  }),
  z.object({ ...trashEntry, kind: z.literal('note'), note: noteSchema }),
  z.object({ ...trashEntry, kind: z.literal('passage'), passage: passageSchema }),
]);

// Keys become properties of the settings object: none that would reach its prototype.
const settingKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,200}$/)
  .refine((k) => !['__proto__', 'constructor', 'prototype'].includes(k), { message: 'is a reserved key' });

export const backupSchema = z.object({
  format: z.literal('scholia-backup'),
  // Read loosely first (see parseBackup): a newer version is refused for its number, not its shape.
  version: z.number().int().min(1),
  exportedAt: date.optional(),
  app: text(200).optional(),
  complete: z.boolean().optional(),
  articles: z.array(z.object({ meta: articleMetaSchema, body: articleBodySchema.nullable() })),
  passages: z.array(passageSchema),
  notes: z.array(noteSchema),
  trash: z.object({ entries: z.array(trashEntrySchema), items: z.array(trashItemSchema).nullable() }).optional(),
  settings: z.record(settingKey, z.unknown()).nullable().optional(),
});
