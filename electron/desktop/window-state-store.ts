// Keeps the window state file in the user-data folder up to date as the window
// moves, resizes, maximises or closes. The decisions are in window-state.ts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Display } from 'electron';
import {
  emptyState,
  parseState,
  recordPlacement,
  restorePlacement,
  type Placement,
  type WindowStateFile,
} from './window-state.js';

const toInfo = (d: Display) => ({ bounds: d.bounds, workArea: d.workArea });

export class WindowStateStore {
  private state: WindowStateFile;

  constructor(private readonly file: string) {
    try {
      this.state = parseState(readFileSync(file, 'utf8'));
    } catch {
      this.state = emptyState();
    }
  }

  restore(displays: Display[], primary: Display): Placement {
    const ordered = [primary, ...displays.filter((d) => d.id !== primary.id)];
    return restorePlacement(this.state, ordered.map(toInfo));
  }

  track(win: BrowserWindow, displays: () => Display[], panes: () => Record<string, boolean> | undefined): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const record = () => {
      if (win.isDestroyed()) return;
      this.state = recordPlacement(
        this.state,
        {
          bounds: win.getNormalBounds(),
          maximized: win.isMaximized(),
          fullScreen: win.isFullScreen(),
          panes: panes(),
        },
        displays().map(toInfo),
      );
      this.save();
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(record, 500);
    };
    for (const e of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
      win.on(e as 'resize', later);
    }
    win.on('close', () => {
      clearTimeout(timer);
      record();
    });
  }

  private save(): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.state));
      renameSync(tmp, this.file);
    } catch {
      /* the window opens at defaults next time: not worth interrupting the user */
    }
  }
}
