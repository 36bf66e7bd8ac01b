// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { SearchApi } from './api.js';

export const searchContract: ContractFor<SearchApi> = {
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
