// What went wrong in the background and concerns the user's data: a failed
// scheduled backup, an index that could not be built or saved, cross-source
// passages that could not catch up. Rooms report and resolve by key; front ends
// ask getProblems() (the renderer polls it and shows a notice). One entry per
// key, so a job failing every minute is one line with a count, not a flood.
import type { Problem } from './api.js';
import { errorCode } from './errors.js';
import type { Logger } from './log.js';

export type { Problem };

export class Problems {
  private readonly byKey = new Map<string, Problem>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a failure of background job `key` (logged as an error with the cause). */
  report(key: string, message: string, err?: unknown): void {
    const at = this.now().toISOString();
    const prev = this.byKey.get(key);
    const code = err === undefined ? 'internal' : errorCode(err);
    this.byKey.set(key, { key, code, message, since: prev?.since ?? at, last: at, count: (prev?.count ?? 0) + 1 });
    this.log.error('background.failed', { job: key, code, count: (prev?.count ?? 0) + 1 }, err);
  }

  /** The job succeeded since: its problem is gone. */
  resolve(key: string): void {
    if (this.byKey.delete(key)) this.log.info('background.recovered', { job: key });
  }

  list(): Problem[] {
    return [...this.byKey.values()].map((p) => ({ ...p }));
  }
}
