// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { CrossrefApi } from './api.js';

const id = idArg;

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
