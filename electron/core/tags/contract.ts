// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import { isValidId } from '../ids.js';
import type { ContractFor } from '../contract-types.js';
import type { TagsApi } from './api.js';

const tag = z.string().min(1).max(200);
const tagList = z.array(tag).min(1).max(100);
const targets = z
  .array(
    z
      .object({
        kind: z.enum(['article', 'passage', 'note']),
        id: z.string().min(1).max(200).refine(isValidId, 'not a Scholia id'),
      })
      .strict(),
  )
  .max(100_000);

export const tagsContract: ContractFor<TagsApi> = {
  listTags: z.tuple([]),
  addTags: z.tuple([targets, tagList]),
  removeTags: z.tuple([targets, tagList]),
  renameTag: z.tuple([tag, tag]),
  mergeTags: z.tuple([z.array(tag).min(1).max(100), tag]),
  setTagColor: z.tuple([tag, z.string().max(64).nullable()]),
  filterArticles: z.tuple([z.string().max(2000)]),
  filterByTags: z.tuple([z.string().max(2000)]),
  suggestTags: z.union([
    z.tuple([z.string().max(200)]),
    z.tuple([z.string().max(200), z.number().int().min(1).max(200).optional()]),
  ]),
};
