// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg, tagsArg } from '../contract-args.js';
import type { PassagesApi } from './api.js';

const id = idArg;
const offset = z.number().int().min(0).max(1_000_000_000);
const color = z.string().min(1).max(64);
const tags = tagsArg;
/** A comment is a short annotation: longer writing belongs in a note. */
const comment = z.string().max(10_000, 'comment too long (limit 10,000 characters; write a note instead)');
/** An article's text is at most what an import accepts (45 MB of file). */
const articleText = z.string().max(60 * 1024 * 1024, 'text too large');

const relation = z.enum(['corroborates', 'contradicts', 'quotes', 'paraphrases', 'updates', 'other']);

export const anchorContract: ContractFor<PassagesApi> = {
  linkPassages: z.tuple([
    z
      .object({ fromId: id, toId: id, relation, label: z.string().max(200, 'label too long (limit 200)').optional() })
      .strict(),
  ]),
  listPassageLinks: z.union([z.tuple([]), z.tuple([id.nullish()])]),
  deletePassageLink: z.tuple([id]),
  updateArticleFromFile: z.tuple([
    id,
    z
      .object({
        name: z.string().min(1).max(1000),
        dataBase64: z.string().max(64 * 1024 * 1024, 'file too large'),
        mime: z.string().max(200).optional(),
      })
      .strict(),
  ]),
  updateArticleFromUrl: z.union([z.tuple([id]), z.tuple([id, z.string().max(8192).nullish()])]),
  listArticleVersions: z.tuple([id]),
  getArticleVersion: z.tuple([id, id]),
  addPassage: z.tuple([
    z
      .object({
        articleId: id,
        start: offset,
        end: offset,
        color: color.optional(),
        tags: tags.optional(),
        comment: comment.optional(),
      })
      .strict()
      .refine((v) => v.end > v.start, 'end must be after start'),
  ]),
  listPassages: z.union([
    z.tuple([]),
    // JSON turns an undefined argument into null: accept it as "no filter".
    z.tuple([
      z
        .object({ articleId: id.optional() })
        .strict()
        .nullish()
        .transform((v) => v ?? undefined),
    ]),
  ]),
  getPassage: z.tuple([id]),
  updatePassage: z.tuple([
    id,
    z.object({ color: color.optional(), tags: tags.optional(), comment: comment.optional() }).strict(),
  ]),
  deletePassage: z.tuple([id]),
  reattachPassage: z.tuple([id, offset, offset]),
  editArticleText: z.tuple([id, articleText]),
  restoreRemovedBlock: z.tuple([id, id]),
  notesForPassage: z.tuple([id]),
};
