import type { z } from 'zod';

/**
 * For each method of an API, the schema of its argument list. A front end's
 * arguments are untrusted: IPC and HTTP both parse them with these before the
 * core sees them.
 */
export type ContractFor<T> = {
  [K in keyof T]-?: T[K] extends (...args: infer A) => unknown ? z.ZodType<A> : never;
};
