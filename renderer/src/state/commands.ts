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
  | 'trash-backups';

/** Every command with the label a menu or palette shows. */
export const COMMANDS: ReadonlyArray<{ id: AppCommand; label: string }> = [
  { id: 'import-file', label: 'Import files…' },
  { id: 'paste-article', label: 'Paste an article…' },
  { id: 'new-note', label: 'New note' },
  { id: 'export', label: 'Export…' },
  { id: 'search', label: 'Search the library' },
  { id: 'find-in-article', label: 'Find in article' },
  { id: 'preferences', label: 'Preferences…' },
  { id: 'trash-backups', label: 'Trash & backups' },
];
