// The three panes side by side: the library and notes panes can be resized
// (drag the divider, or focus it and use the arrow keys) and hidden (the
// button on the divider); sizes and hidden panes are remembered across
// restarts. Widths are capped by the window's, so 800 px still fits all three
// without sideways scrolling. While two articles are compared, the library
// steps aside for the comparison unless the user brings it back.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../state/context.js';
import './panes.css';

interface Props {
  library: ComponentChildren;
  center: ComponentChildren;
  notes: ComponentChildren;
  /** The center needs the room (the comparison): the library is hidden until shown again. */
  wideCenter?: boolean;
}

type Side = 'library' | 'notes';
const LIMITS: Record<Side, { min: number; max: number; initial: number }> = {
  library: { min: 180, max: 560, initial: 290 },
  notes: { min: 240, max: 720, initial: 360 },
};

export function Panes({ library, center, notes, wideCenter = false }: Props) {
  const { settings } = useStore();
  const [width, setWidth] = useState<Record<Side, number>>(() => ({
    library: settings.get('pane.library.width', LIMITS.library.initial),
    notes: settings.get('pane.notes.width', LIMITS.notes.initial),
  }));
  const [open, setOpen] = useState<Record<Side, boolean>>(() => ({
    library: settings.get('pane.library.open', true),
    notes: settings.get('pane.notes.open', true),
  }));
  /** The library's visibility while comparing (not remembered: comparing is a moment). */
  const [libraryInCompare, setLibraryInCompare] = useState(false);
  useEffect(() => setLibraryInCompare(false), [wideCenter]);

  const libraryShown = open.library && (!wideCenter || libraryInCompare);
  const shown: Record<Side, boolean> = { library: libraryShown, notes: open.notes };

  const resize = (side: Side, w: number, save = true) => {
    const { min, max } = LIMITS[side];
    const next = Math.round(Math.min(max, Math.max(min, w)));
    setWidth((x) => ({ ...x, [side]: next }));
    if (save) settings.set(`pane.${side}.width`, next);
  };
  const toggle = (side: Side) => {
    if (side === 'library' && wideCenter && open.library) {
      setLibraryInCompare(!libraryInCompare);
      return;
    }
    const next = !open[side];
    setOpen((x) => ({ ...x, [side]: next }));
    settings.set(`pane.${side}.open`, next);
    if (side === 'library' && wideCenter) setLibraryInCompare(next);
  };

  // Side panes never take more than their share of the window, so the reader keeps room.
  const col = (side: Side, share: number) => (shown[side] ? `min(${width[side]}px, ${share}vw)` : '0px');
  const style = { gridTemplateColumns: `${col('library', 28)} auto minmax(0, 1fr) auto ${col('notes', 34)}` };

  const divider = (side: Side) => {
    const name = side === 'library' ? 'library' : 'notes';
    const dir = side === 'library' ? 1 : -1;
    return (
      <div class={`pane-divider divider-${side}`}>
        <button
          type="button"
          class="pane-toggle"
          aria-expanded={shown[side]}
          aria-controls={`pane-${side}`}
          aria-label={shown[side] ? `Hide ${name}` : `Show ${name}`}
          title={shown[side] ? `Hide ${name}` : `Show ${name}`}
          onClick={() => toggle(side)}
        >
          {(side === 'library') === shown[side] ? '‹' : '›'}
        </button>
        {shown[side] && (
          <div
            class="pane-resizer"
            role="separator"
            tabIndex={0}
            aria-orientation="vertical"
            aria-label={`Resize ${name}`}
            aria-controls={`pane-${side}`}
            aria-valuemin={LIMITS[side].min}
            aria-valuemax={LIMITS[side].max}
            aria-valuenow={width[side]}
            onKeyDown={(e) => {
              const step = e.shiftKey ? 64 : 16;
              if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                e.preventDefault();
                resize(side, width[side] + (e.key === 'ArrowRight' ? step : -step) * dir);
              } else if (e.key === 'Home' || e.key === 'End') {
                e.preventDefault();
                resize(side, e.key === 'Home' ? LIMITS[side].min : LIMITS[side].max);
              } else if (e.key === 'Enter') {
                e.preventDefault();
                toggle(side);
              }
            }}
            onPointerDown={(e) => {
              const el = e.currentTarget;
              el.setPointerCapture(e.pointerId);
              const x0 = e.clientX;
              // What is on screen (the cap may hold it below the stored width).
              const pane = document.getElementById(`pane-${side}`);
              const w0 = pane?.getBoundingClientRect().width ?? width[side];
              let last = w0;
              const move = (m: PointerEvent) => {
                last = w0 + (m.clientX - x0) * dir;
                resize(side, last, false);
              };
              const up = () => {
                el.removeEventListener('pointermove', move);
                el.removeEventListener('pointerup', up);
                resize(side, last);
              };
              el.addEventListener('pointermove', move);
              el.addEventListener('pointerup', up);
            }}
          />
        )}
      </div>
    );
  };

  return (
    <div class="panes" style={style}>
      <div id="pane-library" class="pane-slot" hidden={!shown.library}>
        {library}
      </div>
      {divider('library')}
      {center}
      {divider('notes')}
      <div id="pane-notes" class="pane-slot" hidden={!shown.notes}>
        {notes}
      </div>
    </div>
  );
}
