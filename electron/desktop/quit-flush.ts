// Closing the window or quitting right after typing must keep the text and must
// never be refused silently. The notes pane's beforeunload handler cancels the
// unload while a save is pending; Electron then emits will-prevent-unload and,
// unhandled, the close just does not happen. CloseGuard turns that into:
// ask the renderer to save now (bounded wait), close when saved; if saving
// fails or takes too long, tell the user why and let them choose.

export type FlushResult =
  | { ok: true }
  | { ok: false; error: string }
  /** The page has no flush handler (an older renderer): its own beforeunload save is running. */
  | { ok: 'unknown' };

export type Choice = 'retry' | 'close-anyway' | 'stay';

export interface CloseGuardDeps {
  /** Asks the page to save pending notes now; resolves when they are saved or failed. */
  requestFlush(): Promise<FlushResult>;
  /** Shows the user what went wrong and returns their choice. */
  ask(problem: string): Promise<Choice>;
  /** Closes (or quits) again; `force` ignores the page's beforeunload. */
  close(force: boolean): void;
  sleep(ms: number): Promise<void>;
  log?(level: 'info' | 'warn' | 'error', event: string, fields?: Record<string, string | number | boolean>): void;
}

export const FLUSH_TIMEOUT_MS = 5_000;
const UNKNOWN_RETRY_MS = 700;

async function withTimeout(
  p: Promise<FlushResult>,
  ms: number,
  sleep: (ms: number) => Promise<void>,
): Promise<FlushResult> {
  const timeout = sleep(ms).then((): FlushResult => ({
    ok: false,
    error: `Your notes were still being saved after ${Math.round(ms / 1000)} seconds (the disk may be slow, full or disconnected).`,
  }));
  return Promise.race([
    p.catch((err: unknown): FlushResult => ({ ok: false, error: String((err as Error)?.message ?? err) })),
    timeout,
  ]);
}

export class CloseGuard {
  private running: Promise<void> | undefined;
  private forced = false;
  private waitedMs = 0;

  constructor(
    private readonly deps: CloseGuardDeps,
    private readonly timeoutMs = FLUSH_TIMEOUT_MS,
  ) {}

  /** True once the user (or a completed save) allowed the unload: will-prevent-unload is then overridden. */
  get allowUnload(): boolean {
    return this.forced;
  }

  /** Call from will-prevent-unload (when allowUnload is false). Concurrent calls share one run. */
  onUnloadPrevented(): Promise<void> {
    this.running ??= this.settle().finally(() => (this.running = undefined));
    return this.running;
  }

  private async settle(): Promise<void> {
    for (;;) {
      const result = await withTimeout(this.deps.requestFlush(), this.timeoutMs, this.deps.sleep);
      if (result.ok === true) {
        this.deps.log?.('info', 'close.flushed');
        this.forced = true;
        this.deps.close(true);
        return;
      }
      if (result.ok === 'unknown' && this.waitedMs < this.timeoutMs) {
        // Give the page's own save a moment, then try closing normally: a finished save no longer blocks it.
        this.waitedMs += UNKNOWN_RETRY_MS;
        await this.deps.sleep(UNKNOWN_RETRY_MS);
        this.deps.close(false);
        return;
      }
      const problem =
        result.ok === false ? result.error : 'Scholia could not confirm that your latest note changes were saved.';
      this.deps.log?.('warn', 'close.flush-failed');
      const choice = await this.deps.ask(problem);
      if (choice === 'close-anyway') {
        this.deps.log?.('warn', 'close.discarded-unsaved');
        this.forced = true;
        this.deps.close(true);
        return;
      }
      if (choice === 'stay') {
        this.waitedMs = 0;
        return;
      }
      // retry: loop and flush again
    }
  }
}

/** The dialog shown when notes could not be saved: what happened, what is kept, what each button does. */
export function unsavedDialog(
  problem: string,
  quitting: boolean,
): {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  choices: Choice[];
} {
  const verb = quitting ? 'Quit' : 'Close';
  return {
    type: 'warning',
    title: 'Unsaved note',
    message: 'Your latest note changes are not saved yet.',
    detail: `${problem}\n\nIf you stay, the text remains in the editor and you can copy it or try again. If you ${verb.toLowerCase()} anyway, the unsaved changes are lost.`,
    buttons: ['Try again', `${verb} anyway`, 'Stay in Scholia'],
    defaultId: 0,
    cancelId: 2,
    choices: ['retry', 'close-anyway', 'stay'],
  };
}
