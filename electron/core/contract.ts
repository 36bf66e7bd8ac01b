// The runtime side of the contract: one table of method -> argument schema.
// IPC channels (ipc.ts, preload.ts) and HTTP routes (web.ts) are derived from
// its keys, so a method exists in every front end or in none.
import { z } from 'zod';
import { isValidId } from './ids.js';
import type { AppApi, ArticlesApi, NotesApi, ScholiaApi } from './api.js';
import type { ContractFor } from './contract-types.js';
import { CoreError } from './errors.js';
import { anchorContract } from './anchor/contract.js';
import { searchContract } from './search/contract.js';
import { exportContract } from './export/contract.js';
import { storeContract } from './store/contract.js';
import { tagsContract } from './tags/contract.js';
import { crossrefContract } from './crossref/contract.js';

export type { ContractFor };

/** Ids name files in the library: anything that is not one is refused here (ids.ts says what one is). */
const id = z.string().min(1).max(200).refine(isValidId, 'not a Scholia id');
const tags = z.array(z.string().min(1).max(200)).max(500);
/** 60 MB of base64 ≈ 45 MB of file: larger inputs are refused with a clear message. */
const MAX_BASE64 = 60 * 1024 * 1024;

const importOptions = z.object({ allowDuplicates: z.boolean().optional() }).strict().optional();

const appContract: ContractFor<AppApi> = {
  getInfo: z.tuple([]),
  getProblems: z.tuple([]),
};

const articlesContract: ContractFor<ArticlesApi> = {
  listArticles: z.tuple([]),
  getArticle: z.tuple([id]),
  getArticleImage: z.tuple([id, z.string().min(1).max(40)]),
  importFiles: z.tuple([
    z
      .array(
        z.object({
          name: z.string().min(1).max(1000),
          dataBase64: z.string().max(MAX_BASE64, 'file too large (limit 45 MB)'),
          mime: z.string().max(200).optional(),
        }),
      )
      .max(10000),
    importOptions,
  ]),
  importUrl: z.tuple([z.string().min(1).max(8000), importOptions]),
  importPaste: z.tuple([
    z.object({
      text: z.string().max(MAX_BASE64),
      html: z.string().max(MAX_BASE64).optional(),
    }),
  ]),
  updateArticle: z.tuple([
    id,
    z
      .object({
        title: z.string().max(2000).optional(),
        source: z.string().max(2000).optional(),
        author: z.string().max(2000).optional(),
        published: z.string().max(40).nullable().optional(),
        url: z.string().max(8000).optional(),
        tags: tags.optional(),
      })
      .strict(),
  ]),
  deleteArticle: z.tuple([id]),
};

const noteInput = z
  .object({
    title: z.string().max(2000).optional(),
    body: z
      .string()
      .max(20 * 1024 * 1024)
      .optional(),
    articleId: id.nullable().optional(),
    tags: tags.optional(),
  })
  .strict();

const notesContract: ContractFor<NotesApi> = {
  listNotes: z.tuple([]),
  getNote: z.tuple([id]),
  createNote: z.tuple([noteInput]),
  saveNote: z.tuple([id, noteInput]),
  deleteNote: z.tuple([id]),
  listTrash: z.tuple([]),
  restoreFromTrash: z.tuple([id]),
};

export const contract: ContractFor<ScholiaApi> = {
  ...appContract,
  ...articlesContract,
  ...notesContract,
  ...anchorContract,
  ...searchContract,
  ...exportContract,
  ...storeContract,
  ...tagsContract,
  ...crossrefContract,
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
