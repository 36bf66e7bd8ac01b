// Argument schemas every room's contract shares, so an id or a tag list is checked
// the same way by every method (see contract.ts).
import { z } from 'zod';
import { isValidId } from './ids.js';

/** Ids name files in the library: anything that is not one is refused here (ids.ts says what one is). */
export const idArg = z.string().min(1).max(200).refine(isValidId, 'not a Scholia id');
export const tagsArg = z.array(z.string().min(1).max(200)).max(500);
