// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { SyncApi } from './api.js';

export const syncContract: ContractFor<SyncApi> = {
  getSyncStatus: z.tuple([]),
  setSyncTarget: z.tuple([
    z
      .object({
        target: z.string().trim().min(1).max(4096).nullable(),
        username: z.string().max(500).optional(),
        password: z.string().max(2000).optional(),
        passphrase: z.string().max(2000).optional(),
      })
      .strict(),
  ]),
  syncNow: z.tuple([]),
};
