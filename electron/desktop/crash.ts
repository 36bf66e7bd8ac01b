// A crashed or hung renderer must never leave a blank window: the user is told
// what happened and offered a reload (their notes are saved as they type; a
// reload loses at most the last unsaved moment). Repeated crashes in a short
// time stop offering an endless reload loop and suggest quitting instead.

/** Electron's RenderProcessGoneDetails['reason'] values. */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

const WHY: Record<Exclude<GoneReason, 'clean-exit'>, string> = {
  'abnormal-exit': 'The window’s page stopped unexpectedly.',
  killed: 'The window’s page was stopped by the system.',
  crashed: 'The window’s page crashed.',
  oom: 'The window’s page ran out of memory.',
  'launch-failed': 'The window’s page could not start.',
  'integrity-failure': 'The window’s page failed a code integrity check.',
  'memory-eviction': 'The system reclaimed the window’s memory.',
};

export interface CrashDialog {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  /** What each button index does. */
  actions: ('reload' | 'quit')[];
}

export class CrashTracker {
  private times: number[] = [];
  constructor(
    private readonly windowMs = 60_000,
    private readonly limit = 3,
  ) {}

  /** Records a crash at `now`; returns the dialog to show, or null when the page simply closed. */
  onGone(reason: string, now: number): CrashDialog | null {
    if (reason === 'clean-exit') return null;
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now];
    const looping = this.times.length >= this.limit;
    const why = WHY[reason as keyof typeof WHY] ?? 'The window’s page stopped unexpectedly.';
    return {
      type: 'error',
      title: 'Scholia',
      message: why,
      detail: looping
        ? `This happened ${this.times.length} times in the last minute. Your library and saved notes are safe on disk. Quitting and starting Scholia again is the safer choice; Help → Show log has the details.`
        : 'Your library and saved notes are safe on disk. Reload to continue where you were.',
      buttons: looping ? ['Quit Scholia', 'Reload anyway'] : ['Reload', 'Quit Scholia'],
      defaultId: 0,
      cancelId: looping ? 0 : 1,
      actions: looping ? ['quit', 'reload'] : ['reload', 'quit'],
    };
  }
}
