// Note autosave: edits wait for a pause, saves never overtake one another, and
// a failed save keeps the text until a retry or the next edit writes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveState } from '../../../renderer/src/notes/autosave.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function harness(save: (id: string, body: string) => Promise<string>) {
  const states: SaveState[] = [];
  const saved: string[] = [];
  let error = '';
  const autosave = createAutosave({
    save,
    delayMs: 600,
    onSaved: (s) => saved.push(s),
    onState: (s, e) => {
      states.push(s);
      if (e !== undefined) error = e;
    },
  });
  return { autosave, states, saved, error: () => error };
}

describe('note autosave', () => {
  it('writes once after a pause in typing, with the last text', async () => {
    const save = vi.fn(async (_id: string, body: string) => body);
    const h = harness(save);
    h.autosave.edit('n1', 'D');
    vi.advanceTimersByTime(300);
    h.autosave.edit('n1', 'Drones');
    vi.advanceTimersByTime(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('n1', 'Drones');
    expect(h.states.at(-1)).toBe('saved');
  });

  it('runs saves one after another, so a slow first save cannot overwrite newer text', async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const save = vi.fn(async (_id: string, body: string) => {
      order.push(`start ${body}`);
      if (body === 'first') await new Promise<void>((r) => (releaseFirst = r));
      order.push(`end ${body}`);
      return body;
    });
    const h = harness(save);
    h.autosave.edit('n1', 'first');
    const one = h.autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    h.autosave.edit('n1', 'second');
    const two = h.autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['start first']);
    // Newer text is waiting while the first save runs.
    expect(h.states.at(-1)).toBe('unsaved');
    releaseFirst();
    await Promise.all([one, two]);
    expect(order).toEqual(['start first', 'end first', 'start second', 'end second']);
    expect(h.saved).toEqual(['first', 'second']);
    expect(h.states.at(-1)).toBe('saved');
  });

  it('keeps the text of a failed save and writes it on retry', async () => {
    let fail = true;
    const save = vi.fn(async (_id: string, body: string) => {
      if (fail) throw new Error('disk full');
      return body;
    });
    const h = harness(save);
    h.autosave.edit('n1', 'kill Ukrainian civilians');
    await h.autosave.flush();
    expect(h.states.at(-1)).toBe('failed');
    expect(h.error()).toBe('disk full');
    expect(h.autosave.hasPending()).toBe(true);
    fail = false;
    await h.autosave.flush();
    expect(save).toHaveBeenLastCalledWith('n1', 'kill Ukrainian civilians');
    expect(h.states.at(-1)).toBe('saved');
    expect(h.autosave.hasPending()).toBe(false);
  });

  it('a newer edit made while a save fails is the text that is kept', async () => {
    let reject!: (e: Error) => void;
    const save = vi.fn((_id: string, body: string) =>
      body === 'old' ? new Promise<string>((_, rej) => (reject = rej)) : Promise.resolve(body),
    );
    const h = harness(save);
    h.autosave.edit('n1', 'old');
    const first = h.autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    h.autosave.edit('n1', 'new');
    reject(new Error('offline'));
    await first;
    await h.autosave.flush();
    expect(save).toHaveBeenLastCalledWith('n1', 'new');
    expect(h.saved).toEqual(['new']);
  });

  it('discards unsaved text of a note being deleted', async () => {
    const save = vi.fn(async (_id: string, body: string) => body);
    const h = harness(save);
    h.autosave.edit('n1', 'about to be deleted');
    h.autosave.discard();
    await vi.advanceTimersByTimeAsync(1000);
    await h.autosave.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
