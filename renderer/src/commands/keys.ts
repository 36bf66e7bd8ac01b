// Keyboard shortcuts from the command table's accelerator strings (Electron's
// syntax: "Ctrl+Shift+P", "Cmd+,", "F1"): matching a keydown and showing the
// shortcut the way the platform writes it. Pure, so it is tested directly.
import type { Platform } from '../../../electron/shared/commands.js';

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(accelerator: string): Chord {
  const parts = accelerator.split('+');
  // "Cmd++" would be a plus key; the table has none, but keep the last part whole.
  const key = parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    ctrl: mods.has('ctrl') || mods.has('control'),
    meta: mods.has('cmd') || mods.has('command') || mods.has('meta') || mods.has('super'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key: key.toLowerCase(),
  };
}

/** The key a keydown names, in the table's terms: "p", ",", "f1". Shift+letter gives "P": folded. */
function eventKey(e: KeyLike): string {
  // With Shift held, e.key is "<" for "," on many layouts: the physical code says which key it was.
  if (e.code?.startsWith('Key')) return e.code.slice(3).toLowerCase();
  if (e.code === 'Comma') return ',';
  if (e.code === 'Period') return '.';
  if (e.code?.startsWith('Digit')) return e.code.slice(5);
  return e.key.toLowerCase();
}

export function matches(accelerator: string, e: KeyLike): boolean {
  const c = parse(accelerator);
  return (
    c.ctrl === e.ctrlKey &&
    c.meta === e.metaKey &&
    c.shift === e.shiftKey &&
    c.alt === e.altKey &&
    c.key === eventKey(e)
  );
}

const MAC_SYMBOLS: Record<string, string> = { cmd: '⌘', ctrl: '⌃', shift: '⇧', alt: '⌥' };

/** "Cmd+Shift+P" → "⇧⌘P" on macOS (Apple's order: ⌃⌥⇧⌘), "Ctrl+Shift+P" elsewhere. */
export function shortcutLabel(accelerator: string, platform: Platform): string {
  const c = parse(accelerator);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key.toUpperCase();
  if (platform === 'mac') {
    return `${c.ctrl ? MAC_SYMBOLS.ctrl : ''}${c.alt ? MAC_SYMBOLS.alt : ''}${c.shift ? MAC_SYMBOLS.shift : ''}${c.meta ? MAC_SYMBOLS.cmd : ''}${key}`;
  }
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Super', key].filter(Boolean).join('+');
}

export function detectPlatform(nav: { platform?: string; userAgent?: string } = navigator): Platform {
  const p = `${nav.platform ?? ''} ${nav.userAgent ?? ''}`;
  if (/Mac|iPhone|iPad/i.test(p)) return 'mac';
  if (/Win/i.test(p)) return 'win';
  return 'linux';
}
