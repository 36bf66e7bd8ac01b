// Applies the appearance preferences to the page: theme (system, light, dark) as
// data-theme on <html> (styles.css: it sets the color-scheme the palette follows), the reader's
// font and size as CSS variables. Works the same in the desktop app and the browser.
import type { Preferences } from '../../../electron/core/api.js';

const READER_FONTS: Record<Preferences['readerFont'], string> = {
  serif: "Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, Cambria, 'Noto Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, sans-serif",
  mono: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
};

export function applyAppearance(
  prefs: Pick<Preferences, 'theme' | 'readerFont' | 'readerFontSize'>,
  root: HTMLElement = document.documentElement,
): void {
  if (prefs.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = prefs.theme;
  root.style.setProperty('--reader-font', READER_FONTS[prefs.readerFont]);
  root.style.setProperty('--reader-size', `${prefs.readerFontSize}px`);
}
