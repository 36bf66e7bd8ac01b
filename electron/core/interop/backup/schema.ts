// The full shape of a JSON backup, checked before anything is written: every
// record the store will keep, with the fields the reader and the exports rely
// on (a passage without its selectors, or a null quote, would restore and then
// break both). Unknown fields are dropped, never passed through: a backup from a
// newer version is refused by its version number instead.
import { z } from 'zod';
import { isValidId } from '../../ids.js';
import {
  CREATOR_ROLES,
  CSL_ITEM_TYPES,
  type ArticleBody,
  type ArticleMeta,
  type Note,
  type Passage,
  type PendingEntry,
  type TextBlockKind,
} from '../../model.js';

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
  format: z.enum(['txt', 'html', 'md', 'jsonl', 'paste', 'url', 'sample', 'pdf']),
  origin: text(10_000),
  contentHash: text(200),
  fingerprint: text(10_000).optional(),
  readAt: date.nullable().optional(),
  // Citation metadata (issue 16).
  itemType: z.enum(CSL_ITEM_TYPES).optional(),
  creators: z
    .array(
      z.object({
        role: z.enum(CREATOR_ROLES),
        family: text(10_000).optional(),
        given: text(10_000).optional(),
        literal: text(10_000).optional(),
      }),
    )
    .max(10_000)
    .optional(),
  containerTitle: text(10_000).optional(),
  publisher: text(10_000).optional(),
  modified: date.nullable().optional(),
  accessed: date.nullable().optional(),
  doi: text(1000).optional(),
  issn: text(1000).optional(),
  page: text(1000).optional(),
  volume: text(1000).optional(),
  issue: text(1000).optional(),
  citationKey: text(1000).optional(),
  archivedAt: date.nullable().optional(),
  addedAt: date,
  updatedAt: date,
});

const offset = z.number().int().min(0);
const TEXT_BLOCK_KINDS = [
  'paragraph',
  'heading',
  'list-item',
  'quote',
  'cell',
  'figcaption',
  'code',
  'image',
] as const satisfies readonly TextBlockKind[];

const textBlockSchema = z.object({
  kind: z.enum(TEXT_BLOCK_KINDS),
  start: offset,
  end: offset,
  level: z.number().int().min(1).max(6).optional(),
  ordered: z.boolean().optional(),
  depth: z.number().int().min(0).optional(),
  n: z.number().int().optional(),
  cont: z.boolean().optional(),
  table: z.number().int().min(0).optional(),
  row: z.number().int().min(0).optional(),
  header: z.boolean().optional(),
  image: z.string().max(200).optional(),
  alt: text(100_000).optional(),
});

export const articleBodySchema = z.object({
  id: safeId,
  text: text(),
  removed: z
    .array(z.object({ id: z.string().max(200), text: text(), reason: text(1000), at: z.number().int().min(0) }))
    .max(100_000),
  original: text(),
  html: text(),
  blocks: z.array(textBlockSchema).max(10_000_000).optional(),
  links: z.array(z.object({ start: offset, end: offset, href: text(100_000) })).optional(),
  images: z.array(z.object({ id: z.string().max(200), mime: text(200), data: text() })).optional(),
  versions: z
    .array(
      z.object({
        id: z.string().max(200),
        replacedAt: date,
        since: date,
        title: text(10_000),
        text: text(),
        contentHash: text(200),
      }),
    )
    .optional(),
  // PDF imports (issue 15): the page map, the original file (base64) and the line boxes.
  pages: z.array(z.object({ start: offset, label: text(200).optional() })).optional(),
  pdf: z
    .string()
    .max(200 * 1024 * 1024)
    .optional(),
  pdfLines: z.array(z.number()).optional(),
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
    comment: text(100_000).optional(),
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

/** A "To fetch" entry (a page a migration named only by its address). */
export const pendingEntrySchema = z.object({
  id: safeId,
  url: text(100_000),
  title: text(10_000),
  tags,
  savedAt: date.nullable(),
  addedAt: date,
  origin: text(10_000),
  author: text(10_000).optional(),
  source: text(10_000).optional(),
  published: date.nullable().optional(),
  read: z.boolean().optional(),
  archived: z.boolean().optional(),
  highlights: z
    .array(
      z.object({
        quote: text(),
        note: text().optional(),
        tags: tags.optional(),
        createdAt: date.optional(),
      }),
    )
    .optional(),
  state: z.enum(['waiting', 'failed']),
  error: text(10_000).optional(),
  attempts: z.number().int().min(0).optional(),
  lastTriedAt: date.optional(),
});

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
  /** The "To fetch" list (absent in backups made before it was carried). */
  pending: z.array(pendingEntrySchema).optional(),
});

// The schemas hold every field of the records they check: a field added to the model and not here
// would be dropped by every backup's restore without a word, so that fails the type check instead.
// Optional fields make two shapes assignable both ways even when one lacks a field: keys compared too.
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
type Holds<T extends true> = T;
export type SchemasMatchModel = [
  Holds<Same<z.infer<typeof articleMetaSchema>, ArticleMeta>>,
  Holds<Same<z.infer<typeof articleBodySchema>, ArticleBody>>,
  Holds<Same<z.infer<typeof passageSchema>, Passage>>,
  Holds<Same<z.infer<typeof noteSchema>, Note>>,
  Holds<Same<z.infer<typeof pendingEntrySchema>, PendingEntry>>,
];
