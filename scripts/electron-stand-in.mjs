// A stand-in for Electron's unpacked distribution, for packaging tests where the real binary
// cannot be downloaded: electron-builder --dir -c.electronDist=<this folder> then builds the real
// app.asar and flips the real fuse configuration into this file. It is never run.
// The file carries Electron's fuse wire (the sentinel @electron/fuses looks for, then version 1,
// 8 fuses at Electron's defaults) so the fuse step works on it and can be read back.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
 *  asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on. */
export const ELECTRON_DEFAULT_FUSES = '10110001';

/** Creates the stand-in folder; returns the path of the stand-in executable. */
export function makeElectronStandIn(dir, platform = process.platform) {
  mkdirSync(dir, { recursive: true });
  const name = platform === 'win32' ? 'electron.exe' : 'electron';
  const file = path.join(dir, name);
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "Scholia packaging stand-in for Electron: never run" >&2\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]),
    Buffer.from(ELECTRON_DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(file, body);
  chmodSync(file, 0o755);
  writeFileSync(path.join(dir, 'version'), 'stand-in');
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? 'electron-stand-in');
  console.log(makeElectronStandIn(dir));
}
