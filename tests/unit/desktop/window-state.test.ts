import { describe, expect, it } from 'vitest';
import {
  clampToWorkArea,
  emptyState,
  parseState,
  recordPlacement,
  restorePlacement,
  type DisplayInfo,
} from '../../../electron/desktop/window-state.js';

// A 1440×900 laptop (menu bar 25 px) and a 2560×1440 monitor to its right.
const laptop: DisplayInfo = {
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
const monitor: DisplayInfo = {
  bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
  workArea: { x: 1440, y: 0, width: 2560, height: 1400 },
};

describe('window state per display', () => {
  it('first launch: a default-sized window centred on the primary display, fitting its work area', () => {
    const p = restorePlacement(emptyState(), [laptop]);
    expect(p.source).toBe('default');
    expect(p.bounds.width).toBeLessThanOrEqual(1440);
    expect(p.bounds.height).toBeLessThanOrEqual(875);
    expect(p.bounds.y).toBeGreaterThanOrEqual(25);
  });

  it('comes back at the same size and place, maximised and with the same panes, on the same display', () => {
    let s = recordPlacement(
      emptyState(),
      {
        bounds: { x: 1600, y: 100, width: 1800, height: 1100 },
        maximized: true,
        fullScreen: false,
        panes: { notes: false },
      },
      [laptop, monitor],
    );
    s = parseState(JSON.stringify(s)); // through the file
    const p = restorePlacement(s, [laptop, monitor]);
    expect(p).toMatchObject({
      source: 'saved',
      maximized: true,
      bounds: { x: 1600, y: 100, width: 1800, height: 1100 },
      panes: { notes: false },
    });
  });

  it('remembers each display separately: undocked, the laptop’s own layout returns', () => {
    let s = recordPlacement(
      emptyState(),
      { bounds: { x: 100, y: 60, width: 1200, height: 780 }, maximized: false, fullScreen: false },
      [laptop],
    );
    s = recordPlacement(
      s,
      { bounds: { x: 1500, y: 50, width: 2400, height: 1300 }, maximized: false, fullScreen: false },
      [laptop, monitor],
    );
    expect(restorePlacement(s, [laptop, monitor]).bounds.width).toBe(2400);
    // The monitor is unplugged: the laptop's own saved layout, not the monitor's squeezed.
    expect(restorePlacement(s, [laptop])).toMatchObject({
      source: 'saved',
      bounds: { x: 100, y: 60, width: 1200, height: 780 },
    });
  });

  it('a display that is gone: the window is moved back onto the primary display, never left off screen', () => {
    const s = recordPlacement(
      emptyState(),
      { bounds: { x: 2000, y: 300, width: 1000, height: 700 }, maximized: false, fullScreen: true },
      [laptop, monitor],
    );
    const p = restorePlacement(s, [laptop]);
    expect(p.source).toBe('moved');
    expect(p.fullScreen).toBe(false);
    expect(p.bounds.x).toBeGreaterThanOrEqual(0);
    expect(p.bounds.x + p.bounds.width).toBeLessThanOrEqual(1440);
    expect(p.bounds.y).toBeGreaterThanOrEqual(25);
    expect(p.bounds).toMatchObject({ width: 1000, height: 700 });
  });

  it('clamping: too large shrinks to the work area, partly off screen moves fully on', () => {
    expect(clampToWorkArea({ x: -300, y: -50, width: 3000, height: 2000 }, laptop.workArea)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    });
    expect(clampToWorkArea({ x: 1000, y: 700, width: 1000, height: 600 }, laptop.workArea)).toEqual({
      x: 440,
      y: 300,
      width: 1000,
      height: 600,
    });
    // Smaller than the minimum size grows to it (but never past a tiny screen).
    expect(clampToWorkArea({ x: 0, y: 0, width: 10, height: 10 }, laptop.workArea)).toMatchObject({
      width: 900,
      height: 560,
    });
    expect(
      clampToWorkArea({ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 0, width: 800, height: 500 }),
    ).toMatchObject({ width: 800, height: 500 });
  });

  it('a damaged or hand-edited state file opens at defaults instead of failing', () => {
    for (const bad of ['', '{', 'null', '{"version":2}', '{"version":1,"byDisplay":{"k":{"bounds":{"x":"a"}}}}']) {
      expect(restorePlacement(parseState(bad), [laptop]).source).toBe('default');
    }
    const nan =
      '{"version":1,"byDisplay":{"0,0,1440x900":{"bounds":{"x":0,"y":0,"width":-5,"height":10}}},"last":"0,0,1440x900"}';
    expect(restorePlacement(parseState(nan), [laptop]).source).toBe('default');
  });
});
