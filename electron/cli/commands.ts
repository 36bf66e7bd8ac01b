// The registry of CLI commands. Adding a command is adding a file and a line here.
import type { CliCommand } from './command.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { serveCommand } from './serve.js';

export const commands: CliCommand[] = [importCommand, listCommand, showCommand, serveCommand];
