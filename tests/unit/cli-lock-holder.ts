// Plays the desktop app for the CLI tests: opens a library (taking the writer lock), imports a file
// (a change that is only in the journal, not yet folded into library.json), says "ready" and holds
// the library until its stdin closes. Usage: tsx tests/unit/cli-lock-holder.ts <library> <file>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/core.js';

const [library, file] = process.argv.slice(2) as [string, string];
const core = await openCore({ libraryDir: library, mode: 'desktop' });
await core.api.importFiles([{ name: path.basename(file), dataBase64: readFileSync(file).toString('base64') }]);
await core.api.createNote({ title: 'Held note', body: 'Written while the app holds the library' });
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void core.close().then(() => process.exit(0));
});
