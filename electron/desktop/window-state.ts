// The window comes back where the user left it: size, position, maximised or
// full screen, and which panes were open, remembered per display (a laptop
// alone and docked to a monitor are different desks). If that display is gone,
// the window is brought back onto one that exists, never left off screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  bounds: Rect;
  /** The screen minus taskbar, dock and menu bar. */
  workArea: Rect;
}

export interface SavedWindow {
  /** The normal (not maximised) bounds, so un-maximising returns to them. */
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
  /** Which panes were open (renderer-reported, e.g. {notes: true}). */
  panes?: Record<string, boolean>;
}

export interface WindowStateFile {
  version: 1;
  byDisplay: Record<string, SavedWindow>;
  /** The display the window was last on. */
  last?: string;
}

export interface Placement extends SavedWindow {
  /** Where the state came from: the same display, another one (moved back on screen), or defaults. */
  source: 'saved' | 'moved' | 'default';
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 900, height: 560 };

export const emptyState = (): WindowStateFile => ({ version: 1, byDisplay: {} });

/** Display ids are not stable across restarts on every OS; a display's position and size are. */
export function displayKey(d: DisplayInfo): string {
  const b = d.bounds;
  return `${b.x},${b.y},${b.width}x${b.height}`;
}

function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The display holding most of the rectangle (as Electron's screen.getDisplayMatching), or undefined if none. */
export function displayMatching(rect: Rect, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let area = 0;
  for (const d of displays) {
    const a = intersection(rect, d.bounds);
    if (a > area) [best, area] = [d, a];
  }
  return best;
}

const clampNum = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** Fits the rectangle inside the work area: shrunk if larger, moved so every edge is on screen. */
export function clampToWorkArea(rect: Rect, area: Rect): Rect {
  const width = Math.round(clampNum(rect.width, Math.min(MIN_SIZE.width, area.width), area.width));
  const height = Math.round(clampNum(rect.height, Math.min(MIN_SIZE.height, area.height), area.height));
  return {
    width,
    height,
    x: Math.round(clampNum(rect.x, area.x, area.x + area.width - width)),
    y: Math.round(clampNum(rect.y, area.y, area.y + area.height - height)),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return clampToWorkArea(
    {
      width,
      height,
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
    },
    area,
  );
}

function isRect(r: unknown): r is Rect {
  const o = r as Rect;
  return (
    typeof o === 'object' &&
    o !== null &&
    [o.x, o.y, o.width, o.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    o.width > 0 &&
    o.height > 0
  );
}

/** Reads a saved file defensively: anything malformed is dropped (the window opens at defaults), never thrown. */
export function parseState(json: string): WindowStateFile {
  try {
    const raw = JSON.parse(json) as Partial<WindowStateFile>;
    if (raw?.version !== 1 || typeof raw.byDisplay !== 'object' || raw.byDisplay === null) return emptyState();
    const byDisplay: Record<string, SavedWindow> = {};
    for (const [key, w] of Object.entries(raw.byDisplay)) {
      if (!isRect(w?.bounds)) continue;
      const panes =
        w.panes && typeof w.panes === 'object'
          ? Object.fromEntries(Object.entries(w.panes).filter(([, v]) => typeof v === 'boolean'))
          : undefined;
      byDisplay[key] = { bounds: w.bounds, maximized: w.maximized === true, fullScreen: w.fullScreen === true, panes };
    }
    return {
      version: 1,
      byDisplay,
      last: typeof raw.last === 'string' && raw.last in byDisplay ? raw.last : undefined,
    };
  } catch {
    return emptyState();
  }
}

/**
 * Where to open the window. `displays[0]` must be the primary display.
 * The state of the display the window was last on wins; if that display is gone, the state
 * saved for another connected display; failing that, the last state moved onto the primary.
 */
export function restorePlacement(state: WindowStateFile, displays: readonly DisplayInfo[]): Placement {
  const primary = displays[0];
  if (!primary) throw new Error('no display');
  const present = new Map(displays.map((d) => [displayKey(d), d]));
  const candidates = [state.last, ...Object.keys(state.byDisplay)].filter((k): k is string => Boolean(k));
  for (const key of candidates) {
    const d = present.get(key);
    const saved = state.byDisplay[key];
    if (d && saved) return { ...saved, bounds: clampToWorkArea(saved.bounds, d.workArea), source: 'saved' };
  }
  const lastSaved = state.last ? state.byDisplay[state.last] : undefined;
  if (lastSaved) {
    // Its display is gone: same size (if it fits), centred on the primary display.
    return { ...lastSaved, fullScreen: false, bounds: centred(lastSaved.bounds, primary.workArea), source: 'moved' };
  }
  return {
    bounds: centred(DEFAULT_SIZE, primary.workArea),
    maximized: false,
    fullScreen: false,
    source: 'default',
  };
}

/** Records the window's state under the display it is (mostly) on. */
export function recordPlacement(
  state: WindowStateFile,
  saved: SavedWindow,
  displays: readonly DisplayInfo[],
): WindowStateFile {
  const d = displayMatching(saved.bounds, displays) ?? displays[0];
  if (!d || !isRect(saved.bounds)) return state;
  const key = displayKey(d);
  const panes = saved.panes ?? state.byDisplay[key]?.panes;
  return { version: 1, byDisplay: { ...state.byDisplay, [key]: { ...saved, panes } }, last: key };
}
