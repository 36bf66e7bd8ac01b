// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { PendingApi } from './types.js';

const ids = z.array(idArg).max(250_000);

export const interopContract: ContractFor<PendingApi> = {
  listPending: z.union([
    z.tuple([]),
    z.tuple([
      z
        .object({
          state: z.enum(['waiting', 'failed']).optional(),
          offset: z.number().int().min(0).optional(),
          limit: z.number().int().min(1).max(1000).optional(),
        })
        .strict(),
    ]),
  ]),
  fetchPending: z.union([z.tuple([]), z.tuple([ids])]),
  getFetchProgress: z.tuple([]),
  cancelFetchPending: z.tuple([]),
  removePending: z.tuple([ids]),
};
