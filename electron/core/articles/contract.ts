// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg, tagsArg } from '../contract-args.js';
import type { ArticlesApi } from './api.js';
import { CREATOR_ROLES, CSL_ITEM_TYPES } from '../model.js';

const id = idArg;
const tags = tagsArg;
/** 60 MB of base64 ≈ 45 MB of file: larger inputs are refused with a clear message. */
const MAX_BASE64 = 60 * 1024 * 1024;

const importOptions = z.object({ allowDuplicates: z.boolean().optional() }).strict().optional();

export const articlesContract: ContractFor<ArticlesApi> = {
  listArticles: z.union([
    z.tuple([]),
    // JSON turns an undefined argument into null: accept it as "defaults".
    z.tuple([
      z
        .object({
          sort: z.enum(['added', 'published', 'title', 'source']).optional(),
          reverse: z.boolean().optional(),
          read: z.boolean().optional(),
          archived: z.boolean().optional(),
        })
        .strict()
        .nullish()
        .transform((v) => v ?? undefined),
    ]),
  ]),
  getArticle: z.tuple([id]),
  getArticleImage: z.tuple([id, z.string().min(1).max(40)]),
  getArticlePdf: z.tuple([id]),
  importFiles: z.tuple([
    z
      .array(
        z.object({
          name: z.string().min(1).max(1000),
          dataBase64: z.string().max(MAX_BASE64, 'file too large (limit 45 MB)'),
          mime: z.string().max(200).optional(),
          password: z.string().max(1000).optional(),
          url: z
            .string()
            .max(8000)
            .regex(/^https?:\/\//i, 'must be an http(s) address')
            .optional(),
        }),
      )
      .max(10000),
    importOptions,
  ]),
  importUrl: z.tuple([z.string().min(1).max(8000), importOptions]),
  importPaste: z.tuple([
    z.object({
      text: z.string().max(MAX_BASE64),
      html: z.string().max(MAX_BASE64).optional(),
    }),
  ]),
  updateArticle: z.tuple([
    id,
    z
      .object({
        title: z.string().max(2000).optional(),
        source: z.string().max(2000).optional(),
        author: z.string().max(2000).optional(),
        published: z.string().max(40).nullable().optional(),
        url: z.string().max(8000).optional(),
        tags: tags.optional(),
        itemType: z.enum(CSL_ITEM_TYPES).optional(),
        creators: z
          .array(
            z
              .object({
                role: z.enum(CREATOR_ROLES),
                family: z.string().max(500).optional(),
                given: z.string().max(500).optional(),
                literal: z.string().max(500).optional(),
              })
              .strict(),
          )
          .max(500)
          .optional(),
        containerTitle: z.string().max(2000).optional(),
        publisher: z.string().max(2000).optional(),
        modified: z.string().max(40).nullable().optional(),
        accessed: z.string().max(40).nullable().optional(),
        doi: z.string().max(500).optional(),
        issn: z.string().max(100).optional(),
        page: z.string().max(100).optional(),
        volume: z.string().max(100).optional(),
        issue: z.string().max(100).optional(),
        citationKey: z.string().max(100).optional(),
      })
      .strict(),
  ]),
  deleteArticle: z.tuple([id]),
  setArticleRead: z.tuple([id, z.boolean()]),
  setArticleArchived: z.tuple([id, z.boolean()]),
};
