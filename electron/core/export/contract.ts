// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { ExportApi } from './api.js';
import { EXPORT_FORMAT_IDS } from './format.js';

const id = idArg;

export const exportContract: ContractFor<ExportApi> = {
  listExportFormats: z.tuple([]),
  exportData: z.tuple([
    z
      .object({
        format: z.enum(EXPORT_FORMAT_IDS),
        scope: z
          .object({
            noteIds: z.array(id).max(100_000).optional(),
            articleIds: z.array(id).max(100_000).optional(),
            tag: z.string().min(1).max(200).optional(),
            all: z.boolean().optional(),
          })
          .strict(),
        citations: z
          .object({
            style: z
              .string()
              .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/)
              .optional(),
            keepLinks: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ]),
};
