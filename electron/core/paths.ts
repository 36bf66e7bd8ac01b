// Where a library lives when the user does not say: the per-OS user data folder,
// the same folder Electron's app.getPath('userData') gives for "Scholia".
import os from 'node:os';
import path from 'node:path';

export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SCHOLIA_LIBRARY) return path.resolve(env.SCHOLIA_LIBRARY);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Scholia', 'library');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Scholia', 'library');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Scholia', 'library');
}
