// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { CrossrefApi } from './api.js';

const id = z.string().min(1).max(200);

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
  passageAlsoIn: z.tuple([id]),
};
