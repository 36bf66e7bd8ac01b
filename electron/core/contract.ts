// The runtime side of the contract: one table of method -> argument schema.
// IPC channels (ipc.ts, preload.ts) and HTTP routes (web.ts) are derived from
// its keys, so a method exists in every front end or in none.
import { z } from 'zod';
import type { AppApi, ScholiaApi } from './api.js';
import type { ContractFor } from './contract-types.js';
import { CoreError } from './errors.js';
import { articlesContract } from './articles/contract.js';
import { notesContract } from './notes/contract.js';
import { trashContract } from './trash/contract.js';
import { collectionsContract } from './collections/contract.js';
import { syncContract } from './sync/contract.js';
import { anchorContract } from './anchor/contract.js';
import { searchContract } from './search/contract.js';
import { exportContract } from './export/contract.js';
import { storeContract } from './store/contract.js';
import { tagsContract } from './tags/contract.js';
import { crossrefContract } from './crossref/contract.js';
import { citeContract } from './cite/contract.js';
import { interopContract } from './interop/contract.js';

export type { ContractFor };

const appContract: ContractFor<AppApi> = {
  getInfo: z.tuple([]),
  getProblems: z.tuple([]),
  getPreferences: z.tuple([]),
  setPreferences: z.tuple([
    z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        readerFont: z.enum(['serif', 'sans', 'mono']).optional(),
        readerFontSize: z.number().int().min(12).max(28).optional(),
        backupIntervalHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 7)
          .optional(),
        backupKeep: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ]),
  switchLibrary: z.tuple([z.string().min(1).max(4096), z.enum(['open', 'create'])]),
};

export const contract: ContractFor<ScholiaApi> = {
  ...appContract,
  ...articlesContract,
  ...notesContract,
  ...trashContract,
  ...collectionsContract,
  ...anchorContract,
  ...searchContract,
  ...exportContract,
  ...storeContract,
  ...tagsContract,
  ...crossrefContract,
  ...citeContract,
  ...syncContract,
  ...interopContract,
};

export type ApiMethod = keyof ScholiaApi;
export const API_METHODS = Object.keys(contract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export class InvalidArgumentsError extends CoreError<'invalid-arguments'> {
  constructor(message: string) {
    super(message, 'invalid-arguments');
  }
}

/** Parses untrusted arguments for a method; throws InvalidArgumentsError with a readable message. */
export function parseArgs<M extends ApiMethod>(method: M, args: unknown): Parameters<ScholiaApi[M]> {
  const schema = contract[method] as z.ZodType<Parameters<ScholiaApi[M]>>;
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (argument ${first.path.join('.')})` : '';
    throw new InvalidArgumentsError(`Invalid request to ${method}${where}: ${first?.message ?? 'bad input'}`);
  }
  return parsed.data;
}
