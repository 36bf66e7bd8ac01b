// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { TrashApi } from './api.js';

export const trashContract: ContractFor<TrashApi> = {
  listTrash: z.tuple([]),
  restoreFromTrash: z.tuple([z.string().min(1).max(200)]),
  emptyTrash: z.tuple([]),
};
