// Automatic backups while a library is open, on the library's own schedule (Preferences: every N
// hours, 0 = none): the first check shortly after open, then every hour; a backup is taken when the
// newest is N hours old or more and the library holds something.
import { listBackups } from './backups.js';

const HOUR = 3600_000;

export interface BackupScheduleHost {
  dir(): string;
  now(): Date;
  isOpen(): boolean;
  isEmpty(): boolean;
  /** The library's setting: hours between automatic backups, 0 for none. */
  intervalHours(): number;
  backup(reason: string): Promise<unknown>;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly host: BackupScheduleHost) {}

  start(delay: number): void {
    const h = this.host;
    this.timer = setTimeout(() => {
      void (async () => {
        const newest = (await listBackups(h.dir()))[0];
        const age = newest ? h.now().getTime() - Date.parse(newest.createdAt) : Infinity;
        const hours = h.intervalHours();
        if (hours > 0 && age >= hours * HOUR && !h.isEmpty())
          await h.backup(hours === 1 ? 'hourly' : `every ${hours} hours`);
      })()
        .catch(() => undefined) // a failed periodic backup must not disturb the app; doctor reports backups
        .finally(() => {
          if (h.isOpen()) this.start(HOUR);
        });
    }, delay);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
