// What every room of the core is handed: the store, the change events, and
// facts about the running front end. Rooms talk to each other through events
// (search re-indexes on article:changed) rather than by importing each other.
import { EventEmitter } from 'node:events';
import type { AppInfo } from './api.js';
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
  /** Injected clock (tests pin it). */
  now(): Date;
  /** Work a room must finish before the library closes (saving an index); run by Core.close(). */
  onClose?(fn: () => Promise<void>): void;
}
