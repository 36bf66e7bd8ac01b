// What every room of the core is handed: the store, the change events, and
// facts about the running front end. Rooms talk to each other through events
// (search re-indexes on article:changed) rather than by importing each other.
import { EventEmitter } from 'node:events';
import type { AppInfo } from './api.js';
import { nullLogger, type Logger } from './log.js';
import { Problems } from './problems.js';
import type { LibraryStore } from './store/types.js';

export interface CoreEvents {
  'article:changed': [id: string];
  'article:removed': [id: string];
  'note:changed': [id: string];
  'note:removed': [id: string];
  'passage:changed': [id: string];
  'passage:removed': [id: string];
}

export class CoreEventBus extends EventEmitter<CoreEvents> {}

export interface CoreContext {
  store: LibraryStore;
  events: CoreEventBus;
  mode: AppInfo['mode'];
  /**
   * The structured log (JSON lines, no user text: see log.ts). Rooms log with
   * `ctx.log.child({ room })`; a core opened without one logs nowhere.
   */
  log: Logger;
  /** Background failures the user should hear of (getProblems); report(key, message, err) logs them too. */
  problems: Problems;
  /** Injected clock (tests pin it). */
  now(): Date;
  /** Work a room must finish before the library closes (saving an index); run by Core.close(). */
  onClose?(fn: () => Promise<void>): void;
}

/** A context with the defaults a room may count on: new events, no log, the real clock. */
export function createCoreContext(
  parts: Pick<CoreContext, 'store' | 'mode'> & Partial<Omit<CoreContext, 'store' | 'mode'>>,
): CoreContext {
  const log = parts.log ?? nullLogger;
  const now = parts.now ?? (() => new Date());
  return { events: new CoreEventBus(), problems: new Problems(log, now), ...parts, log, now };
}
