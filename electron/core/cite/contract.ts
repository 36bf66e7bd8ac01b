// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg } from '../contract-args.js';
import type { CiteApi } from './api.js';

const styleId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/);

export const citeContract: ContractFor<CiteApi> = {
  listCitationStyles: z.tuple([]),
  cite: z.tuple([
    z
      .object({
        style: styleId.optional(),
        styleXml: z.string().min(1).max(2_000_000).optional(),
        format: z.enum(['text', 'html', 'rtf']).optional(),
        articleIds: z.array(idArg).max(10_000).optional(),
        passageId: idArg.optional(),
        locator: z
          .object({ label: z.string().regex(/^[a-z-]{1,30}$/), value: z.string().min(1).max(50) })
          .strict()
          .optional(),
      })
      .strict(),
  ]),
  addCitationStyle: z.tuple([z.string().min(1).max(300), z.string().min(1).max(2_000_000)]),
  removeCitationStyle: z.tuple([styleId]),
};
