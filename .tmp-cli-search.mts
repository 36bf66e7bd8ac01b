import { main } from './electron/cli.js';
process.exitCode = await main(process.argv.slice(2));
