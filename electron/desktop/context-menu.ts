// The right-click menu: spelling suggestions and "Add to dictionary" on a
// misspelt word, the passage commands (Highlight, Add note, Copy link to
// passage) on a selection in the reader, and cut/copy/paste as the page allows.
// Pure: main.ts passes Electron's context-menu params and the actions.
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId, Platform } from '../shared/commands.js';
import { menuSection, type CommandContext } from './menus.js';

/** The subset of Electron's ContextMenuParams we read. */
export interface ContextParams {
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  dispatch(id: CommandId): void;
}

const MAX_SUGGESTIONS = 5;

export function contextMenuTemplate(
  params: ContextParams,
  platform: Platform,
  ctx: CommandContext,
  actions: ContextActions,
): MenuItemConstructorOptions[] {
  const groups: MenuItemConstructorOptions[][] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions
      .slice(0, MAX_SUGGESTIONS)
      .map((s): MenuItemConstructorOptions => ({ label: s, click: () => actions.replaceMisspelling(s) }));
    if (suggestions.length === 0) suggestions.push({ label: 'No spelling suggestions', enabled: false });
    const word = params.misspelledWord;
    groups.push([...suggestions, { label: 'Add to dictionary', click: () => actions.addToDictionary(word) }]);
  }
  // Passage commands act on a selection in the reader (read-only text), not inside a text field.
  if (!params.isEditable && params.selectionText.trim()) {
    groups.push(menuSection('selection', platform, { ...ctx, selection: true }, actions.dispatch));
  }
  const edit: MenuItemConstructorOptions[] = [];
  if (params.isEditable) edit.push({ role: 'cut', enabled: params.editFlags.canCut });
  if (params.isEditable || params.selectionText) edit.push({ role: 'copy', enabled: params.editFlags.canCopy });
  if (params.isEditable) edit.push({ role: 'paste', enabled: params.editFlags.canPaste });
  if (params.isEditable) edit.push({ role: 'selectAll', enabled: params.editFlags.canSelectAll });
  if (edit.length) groups.push(edit);
  return groups.flatMap((g, i) => (i === 0 ? g : [{ type: 'separator' as const }, ...g]));
}
