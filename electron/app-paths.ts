// Where the app's own files are: the package root holds resources/ and the
// built renderer (dist/renderer). Works from the sources (tsx), from the
// bundles in dist/electron, and inside a packaged app (app.asar).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLibraryDir } from './core/paths.js';

export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('Scholia cannot find its own files (package.json) next to its code.');
}

export const resourcesDir = (): string => path.join(appRoot(), 'resources');
export const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');

/**
 * The app's user-data folder (preferences, window state): the per-OS "Scholia" folder, the same one
 * Electron's app.getPath('userData') gives the desktop app, so browser mode shares its preferences.
 * SCHOLIA_USER_DATA moves it (tests, portable setups).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCHOLIA_USER_DATA) return path.resolve(env.SCHOLIA_USER_DATA);
  return path.dirname(defaultLibraryDir({ ...env, SCHOLIA_LIBRARY: undefined }));
}
