// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import type { StoreAdminApi } from './api.js';

/** A backup id is a folder name under backups/: never a path, so a front end cannot point restore elsewhere. */
const backupId = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'not a backup id');

export const storeContract: ContractFor<StoreAdminApi> = {
  backup: z.tuple([]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([backupId.optional()]),
  doctor: z.tuple([]),
};
