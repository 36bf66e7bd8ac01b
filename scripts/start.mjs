// `npm start`: the desktop app where Electron's binary is present (or can be
// fetched); otherwise, browser mode, said in one sentence.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const read = () => {
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  };
  let bin = read();
  if (!bin && !process.env.SCHOLIA_NO_ELECTRON_DOWNLOAD) {
    // Electron fetches its binary lazily; try once, briefly.
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    bin = read();
  }
  return bin;
}

const bin = process.env.SCHOLIA_BROWSER_MODE ? null : electronBinary();
if (bin) {
  const child = spawn(bin, [path.join(root, 'dist', 'electron', 'main.cjs')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's desktop binary is not installed on this machine and could not be downloaded, so Scholia starts in browser mode instead.",
  );
  const child = spawn(process.execPath, [path.join(root, 'bin', 'scholia.cjs'), 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
