// App-level commands: what a menu, a keyboard shortcut or a command palette can
// ask for, by name. The store's dispatch() runs them; a pane that owns the
// behaviour (the search box focusing itself, the notes pane creating a note)
// registers a handler for it while it is on screen.

export type AppCommand =
  | 'import-file'
  | 'paste-article'
  | 'new-note'
  | 'export'
  | 'search'
  | 'find-in-article'
  | 'preferences'
  | 'trash-backups'
  | 'copy-citation';

// Titles and shortcuts are in the one command table, electron/shared/commands.ts; the renderer's
// commands/app-commands.tsx maps its ids to these.
