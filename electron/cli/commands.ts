// The registry of CLI commands. Adding a command is adding a file and a line here.
import type { CliCommand } from './command.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { showCommand } from './show.js';
import { serveCommand } from './serve.js';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import { doctorCommand } from './doctor.js';
import { passagesCommand } from './passages.js';
import { editCommand } from './edit.js';
import { exportCommand } from './export.js';
import { searchCommand } from './search.js';
import { tagCommand } from './tag.js';
import { tagsCommand } from './tags.js';
import { sharedCommand, compareCommand } from './shared.js';
import { citeCommand } from './cite.js';
import { syncCommand } from './sync.js';
import { fetchPendingCommand } from './fetch-pending.js';
import { storiesCommand } from './stories.js';

export const commands: CliCommand[] = [
  importCommand,
  listCommand,
  showCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  doctorCommand,
  passagesCommand,
  editCommand,
  exportCommand,
  searchCommand,
  tagCommand,
  tagsCommand,
  sharedCommand,
  compareCommand,
  citeCommand,
  syncCommand,
  fetchPendingCommand,
  storiesCommand,
];
