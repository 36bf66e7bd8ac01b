// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import { isValidId } from '../ids.js';
import type { ContractFor } from '../contract-types.js';
import type { CrossrefApi } from './api.js';

/** Ids name files in the library: anything that is not one is refused here (ids.ts says what one is). */
const id = z.string().min(1).max(200).refine(isValidId, 'not a Scholia id');

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
