// The one command table. Desktop menus (electron/desktop/menus.ts), the context
// menu, the renderer's command palette and its keyboard shortcuts all read it,
// so a command has one title and one shortcut everywhere (cf. VS Code's
// command registry). Pure data: no imports, safe for main, web and renderer.

export type Platform = 'mac' | 'win' | 'linux';

/** Where a command sits in the native menus; `group` orders separators, `order` items within it. */
export interface MenuPlacement {
  menu: 'app' | 'file' | 'edit' | 'view' | 'help' | 'selection';
  group: number;
  order: number;
}

/**
 * When a command can run: `always`; `library` (a library is open, not in recovery);
 * `article` (an article is open in the reader); `selection` (text is selected in the reader).
 */
export type When = 'always' | 'library' | 'article' | 'selection';

export interface CommandSpec {
  id: string;
  title: string;
  /** Electron accelerator syntax per OS; the renderer parses the same strings for its shortcuts. */
  keys?: Partial<Record<Platform, string>>;
  /** Native menu placement(s). Commands without one are reached through the palette and shortcuts. */
  menus?: readonly MenuPlacement[];
  when: When;
  /** Who carries it out: the renderer (sent over one channel), or main (dialogs, the OS shell). */
  runs: 'renderer' | 'main';
  /** Only meaningful in the desktop app (OS folders, the log file): hidden in browser mode. */
  desktopOnly?: boolean;
  /** Title ends with an ellipsis because it asks for more input (platform convention). */
  asks?: boolean;
}

const ctrl = (key: string): Partial<Record<Platform, string>> => ({
  mac: `Cmd+${key}`,
  win: `Ctrl+${key}`,
  linux: `Ctrl+${key}`,
});

export const COMMANDS = [
  {
    id: 'import',
    title: 'Import…',
    asks: true,
    keys: ctrl('O'),
    menus: [{ menu: 'file', group: 1, order: 1 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'import-folder',
    title: 'Import folder…',
    asks: true,
    keys: ctrl('Shift+O'),
    menus: [{ menu: 'file', group: 1, order: 2 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'paste-article',
    title: 'Paste article',
    keys: ctrl('Shift+V'),
    menus: [{ menu: 'file', group: 1, order: 3 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'new-note',
    title: 'New note',
    keys: ctrl('N'),
    menus: [{ menu: 'file', group: 2, order: 1 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'export',
    title: 'Export…',
    asks: true,
    keys: ctrl('E'),
    menus: [{ menu: 'file', group: 2, order: 2 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'open-library',
    title: 'Open library…',
    asks: true,
    menus: [{ menu: 'file', group: 3, order: 1 }],
    when: 'always',
    runs: 'renderer',
  },
  {
    id: 'new-library',
    title: 'New library…',
    asks: true,
    menus: [{ menu: 'file', group: 3, order: 2 }],
    when: 'always',
    runs: 'renderer',
  },
  {
    id: 'trash-backups',
    title: 'Trash & backups',
    menus: [{ menu: 'file', group: 4, order: 1 }],
    when: 'always',
    runs: 'renderer',
  },
  {
    id: 'preferences',
    title: 'Preferences…',
    asks: true,
    keys: ctrl(','),
    // macOS keeps Preferences in the app menu; Windows and Linux in File (placed per OS in menus.ts).
    menus: [
      { menu: 'app', group: 2, order: 1 },
      { menu: 'file', group: 5, order: 1 },
    ],
    when: 'always',
    runs: 'renderer',
  },
  {
    id: 'find-in-article',
    title: 'Find in article',
    keys: ctrl('F'),
    menus: [{ menu: 'edit', group: 9, order: 1 }],
    when: 'article',
    runs: 'renderer',
  },
  {
    id: 'search-library',
    title: 'Search library',
    keys: ctrl('K'),
    menus: [{ menu: 'edit', group: 9, order: 2 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'command-palette',
    title: 'Command palette',
    keys: ctrl('Shift+P'),
    menus: [{ menu: 'view', group: 1, order: 1 }],
    when: 'always',
    runs: 'renderer',
  },
  {
    id: 'highlight',
    title: 'Highlight',
    keys: ctrl('Shift+H'),
    menus: [{ menu: 'selection', group: 1, order: 1 }],
    when: 'selection',
    runs: 'renderer',
  },
  {
    id: 'add-note',
    title: 'Add note',
    keys: ctrl('Shift+N'),
    menus: [{ menu: 'selection', group: 1, order: 2 }],
    when: 'selection',
    runs: 'renderer',
  },
  {
    id: 'copy-passage-link',
    title: 'Copy link to passage',
    keys: ctrl('Shift+L'),
    menus: [{ menu: 'selection', group: 1, order: 3 }],
    when: 'selection',
    runs: 'renderer',
  },
  {
    // The selected articles' bibliography, else the open article's entry, in the remembered style.
    id: 'copy-citation',
    title: 'Copy citation',
    keys: ctrl('Alt+C'),
    menus: [{ menu: 'edit', group: 10, order: 1 }],
    when: 'library',
    runs: 'renderer',
  },
  {
    id: 'help-docs',
    title: 'Documentation',
    keys: { win: 'F1', linux: 'F1' },
    menus: [{ menu: 'help', group: 1, order: 1 }],
    when: 'always',
    // The user guide shipped with the app, shown in the window (offline).
    runs: 'renderer',
  },
  {
    id: 'show-library-folder',
    title: 'Show library folder',
    menus: [{ menu: 'help', group: 2, order: 1 }],
    when: 'always',
    runs: 'main',
    desktopOnly: true,
  },
  {
    id: 'show-log',
    title: 'Show log',
    menus: [{ menu: 'help', group: 2, order: 2 }],
    when: 'always',
    runs: 'main',
    desktopOnly: true,
  },
  {
    id: 'about',
    title: 'About Scholia',
    // macOS: first item of the app menu; elsewhere the last of Help.
    menus: [
      { menu: 'app', group: 1, order: 1 },
      { menu: 'help', group: 3, order: 1 },
    ],
    when: 'always',
    runs: 'renderer',
  },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((c) => c.id);

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (COMMAND_IDS as readonly string[]).includes(value);
}

export function commandById(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}
