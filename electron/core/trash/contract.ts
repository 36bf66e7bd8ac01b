// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { TrashApi } from './api.js';

const id = idArg;

export const trashContract: ContractFor<TrashApi> = {
  moveToTrash: z.tuple([
    z
      .array(z.object({ kind: z.enum(['article', 'note', 'passage']), id }).strict())
      .min(1)
      .max(100_000),
  ]),
  listTrash: z.tuple([]),
  restoreFromTrash: z.tuple([id]),
  emptyTrash: z.tuple([]),
};
