// Runs the `scholia` CLI as its own process (for what only a real process shows: a closed stdout
// pipe, a library held by another process). Usage: tsx tests/unit/cli-process.ts <scholia args…>
import { main } from '../../electron/cli.js';

process.exitCode = await main(process.argv.slice(2));
