import { describe, expect, it } from 'vitest';
import { CloseGuard, unsavedDialog, type Choice, type FlushResult } from '../../../electron/desktop/quit-flush.js';

/** A fake Electron around the guard: records closes and dialogs; time advances only through sleep(). */
function harness(flushes: (() => Promise<FlushResult>)[], choices: Choice[] = []) {
  const events: string[] = [];
  let clock = 0;
  const guard = new CloseGuard(
    {
      requestFlush: () => {
        events.push('flush');
        return (flushes.shift() ?? (() => Promise.resolve({ ok: true } as FlushResult)))();
      },
      ask: async (problem) => {
        events.push(`ask:${problem}`);
        return choices.shift() ?? 'stay';
      },
      close: (force) => events.push(force ? 'close(force)' : 'close'),
      sleep: (ms) => {
        // Timeouts fire only when nothing else settles first: a microtask-delayed resolution.
        return new Promise((r) => setTimeout(() => ((clock += ms), r()), 0));
      },
    },
    5_000,
  );
  return { guard, events, clock: () => clock };
}

describe('closing right after typing', () => {
  it('the pending save is flushed, then the window closes (forced past beforeunload)', async () => {
    const { guard, events } = harness([() => Promise.resolve({ ok: true })]);
    expect(guard.allowUnload).toBe(false);
    await guard.onUnloadPrevented();
    expect(events).toEqual(['flush', 'close(force)']);
    expect(guard.allowUnload).toBe(true);
  });

  it('a failed save is shown with its reason; "Stay" keeps the window and the text', async () => {
    const { guard, events } = harness([() => Promise.resolve({ ok: false, error: 'The disk is full.' })], ['stay']);
    await guard.onUnloadPrevented();
    expect(events).toEqual(['flush', 'ask:The disk is full.']);
    expect(guard.allowUnload).toBe(false);
  });

  it('"Try again" saves again; when that works the window closes', async () => {
    const { guard, events } = harness(
      [() => Promise.resolve({ ok: false, error: 'EIO' }), () => Promise.resolve({ ok: true })],
      ['retry'],
    );
    await guard.onUnloadPrevented();
    expect(events).toEqual(['flush', 'ask:EIO', 'flush', 'close(force)']);
  });

  it('"Quit anyway" is the user’s choice, never the default', async () => {
    const { guard, events } = harness([() => Promise.resolve({ ok: false, error: 'EACCES' })], ['close-anyway']);
    await guard.onUnloadPrevented();
    expect(events).toEqual(['flush', 'ask:EACCES', 'close(force)']);
    const d = unsavedDialog('EACCES', true);
    expect(d.buttons[d.defaultId]).toBe('Try again');
    expect(d.buttons[d.cancelId]).toBe('Stay in Scholia');
    expect(d.buttons).toContain('Quit anyway');
    expect(d.detail).toContain('EACCES');
  });

  it('a save that hangs is bounded: after the wait the user is told, not left with a window that will not close', async () => {
    const { guard, events, clock } = harness([() => new Promise<FlushResult>(() => {})], ['stay']);
    await guard.onUnloadPrevented();
    expect(events[1]).toMatch(/^ask:Your notes were still being saved after 5 seconds/);
    expect(clock()).toBe(5_000);
  });

  it('a page without a flush handler: closes normally again after a moment (its own save finishes), then asks', async () => {
    const { guard, events } = harness(
      Array(20).fill(() => Promise.resolve({ ok: 'unknown' })),
      ['stay'],
    );
    await guard.onUnloadPrevented();
    expect(events).toEqual(['flush', 'close']);
    for (let i = 0; i < 10; i++) await guard.onUnloadPrevented();
    expect(events.filter((e) => e.startsWith('ask:'))).toHaveLength(1);
    expect(events.filter((e) => e === 'close(force)')).toHaveLength(0);
  });

  it('repeated will-prevent-unload events while one flush runs share it', async () => {
    let resolve!: (r: FlushResult) => void;
    const { guard, events } = harness([() => new Promise<FlushResult>((r) => (resolve = r))]);
    const a = guard.onUnloadPrevented();
    const b = guard.onUnloadPrevented();
    resolve({ ok: true });
    await Promise.all([a, b]);
    expect(events).toEqual(['flush', 'close(force)']);
  });
});
