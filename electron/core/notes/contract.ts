// Argument schemas for this room's methods (see ../contract.ts).
import { z } from 'zod';
import type { ContractFor } from '../contract-types.js';
import { idArg, tagsArg } from '../contract-args.js';
import type { NotesApi } from './api.js';

const id = idArg;
const tags = tagsArg;

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

export const notesContract: ContractFor<NotesApi> = {
  listNotes: z.tuple([]),
  getNote: z.tuple([id]),
  createNote: z.tuple([noteInput]),
  saveNote: z.tuple([id, noteInput]),
  deleteNote: z.tuple([id]),
  noteBacklinks: z.tuple([id]),
  resolveNoteLinks: z.tuple([z.array(z.string().max(2000)).max(1000)]),
};
