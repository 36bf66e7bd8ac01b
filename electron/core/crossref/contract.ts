// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { CrossrefApi } from './api.js';

const id = idArg;
const storyName = z.string().min(1).max(200, 'a story name is at most 200 characters');

export const crossrefContract: ContractFor<CrossrefApi> = {
  sharedPassages: z.union([
    z.tuple([id]),
    // JSON turns an undefined argument into null: accept it as "defaults".
    z.tuple([
      id,
      z
        .object({ minWords: z.number().int().min(8).max(1000).optional() })
        .strict()
        .nullish()
        .transform((v) => v ?? undefined),
    ]),
  ]),
  compareArticles: z.tuple([id, id]),
  listStories: z.tuple([]),
  proposeStories: z.tuple([]),
  saveStory: z.tuple([
    z
      .object({
        id: id.optional(),
        name: storyName,
        articleIds: z.array(id).min(1).max(200),
        notes: z.string().max(1_000_000, 'notes too long (limit 1 MB)').optional(),
      })
      .strict(),
  ]),
  splitStory: z.tuple([id, z.array(id).min(1).max(200), storyName]),
  mergeStories: z.union([
    z.tuple([z.array(id).min(2).max(100)]),
    z.tuple([z.array(id).min(2).max(100), storyName.nullish()]),
  ]),
  deleteStory: z.tuple([id]),
  getStoryView: z.tuple([id]),
  exportStory: z.tuple([id, z.enum(['html', 'markdown'])]),
  passageAlsoIn: z.tuple([id]),
};
