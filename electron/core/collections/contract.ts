// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { CollectionsApi } from './api.js';

const id = idArg;

export const collectionsContract: ContractFor<CollectionsApi> = {
  listCollections: z.tuple([]),
  saveCollection: z.tuple([
    z
      .object({
        id: id.optional(),
        name: z.string().max(200, 'name too long (limit 200 characters)'),
        query: z.string().max(2000).optional(),
        tagFilter: z.string().max(2000).optional(),
      })
      .strict(),
  ]),
  deleteCollection: z.tuple([id]),
};
