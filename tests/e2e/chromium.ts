// How every Playwright run here launches Chromium: Debian's build where present,
// with the flags this closed network needs (no background connections).
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, or undefined to let Playwright use its own browser. */
export const chromiumPath: string | undefined = existsSync(path) ? path : undefined;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
