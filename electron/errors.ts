// How a core error reaches a front end: a message a user can act on, never a stack.
import { InvalidArgumentsError } from './core/contract.js';
import { StoreError } from './core/store/types.js';

export function errorResponse(err: unknown): { status: number; body: { error: string; code?: string } } {
  if (err instanceof InvalidArgumentsError) return { status: 400, body: { error: err.message, code: err.code } };
  if (err instanceof StoreError) {
    return { status: err.code === 'not-found' ? 404 : 500, body: { error: err.message, code: err.code } };
  }
  const e = err as Error;
  return { status: 500, body: { error: e?.message || 'Unexpected error', code: 'internal' } };
}
