// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { SearchApi } from './api.js';

const pageOptions = z
  .object({
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    sort: z.enum(['relevance', 'date']).optional(),
  })
  .strict();

export const searchContract: ContractFor<SearchApi> = {
  searchPage: z.union([
    z.tuple([z.string().max(2000)]),
    // JSON turns an undefined argument into null: accept it as "defaults".
    z.tuple([z.string().max(2000), pageOptions.nullish().transform((v) => v ?? undefined)]),
  ]),
  search: z.union([
    z.tuple([z.string().max(2000)]),
    z.tuple([
      z.string().max(2000),
      z
        .object({ limit: z.number().int().min(1).max(500).optional() })
        .strict()
        .optional(),
    ]),
  ]),
};
