import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, isEnabled, type CommandContext } from '../../../electron/desktop/menus.js';
import { contextMenuTemplate, type ContextParams } from '../../../electron/desktop/context-menu.js';
import { COMMANDS, type CommandId } from '../../../electron/shared/commands.js';

const ready: CommandContext = { library: true, article: true, selection: false };

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const m = template.find((t) => (t.label ?? '').replace('&', '') === label);
  if (!m) throw new Error(`no ${label} menu in ${template.map((t) => t.label ?? t.role).join(', ')}`);
  return m.submenu as MenuItemConstructorOptions[];
}
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? '—');
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);

describe('native menus from the command table', () => {
  it('Windows: File has Import…, Import folder…, Paste article, New note, Export…, Preferences… and Exit; Help has docs, folders, About', () => {
    const t = buildMenuTemplate('win', ready, () => {});
    expect(t.map((m) => (m.label ?? m.role)!.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = submenu(t, 'File');
    expect(labels(file)).toEqual([
      'Import…',
      'Import folder…',
      'Paste article',
      '—',
      'New note',
      'Export…',
      '—',
      'Open library…',
      'New library…',
      '—',
      'Trash & backups',
      '—',
      'Preferences…',
      '—',
      'E&xit',
    ]);
    expect(byId(file, 'preferences')!.accelerator).toBe('Ctrl+,');
    expect(byId(file, 'import')!.accelerator).toBe('Ctrl+O');
    const edit = submenu(t, 'Edit');
    expect(byId(edit, 'search-library')!.accelerator).toBe('Ctrl+K');
    expect(byId(edit, 'find-in-article')!.accelerator).toBe('Ctrl+F');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ]);
    expect(labels(submenu(t, 'Help'))).toEqual([
      'Documentation',
      '—',
      'Show library folder',
      'Show log',
      '—',
      'About Scholia',
    ]);
    expect(byId(submenu(t, 'Help'), 'help-docs')!.accelerator).toBe('F1');
  });

  it('Linux: the same menus, Quit instead of Exit', () => {
    const file = submenu(
      buildMenuTemplate('linux', ready, () => {}),
      'File',
    );
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: '&Quit' });
  });

  it('macOS: About and Preferences in the app menu (Cmd+,), not in File or Help; Window menu; Cmd accelerators', () => {
    const t = buildMenuTemplate('mac', ready, () => {});
    expect(t.map((m) => m.label ?? m.role)).toEqual(['Scholia', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    const appMenu = t[0]!.submenu as MenuItemConstructorOptions[];
    expect(labels(appMenu).slice(0, 3)).toEqual(['About Scholia', '—', 'Preferences…']);
    expect(byId(appMenu, 'preferences')!.accelerator).toBe('Cmd+,');
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const file = submenu(t, 'File');
    expect(byId(file, 'preferences')).toBeUndefined();
    expect(file.at(-1)).toMatchObject({ role: 'close' });
    expect(byId(submenu(t, 'Help'), 'about')).toBeUndefined();
    expect(byId(submenu(t, 'Edit'), 'search-library')!.accelerator).toBe('Cmd+K');
    expect(byId(submenu(t, 'Help'), 'help-docs')!.accelerator).toBeUndefined();
  });

  it('a click sends the command id; commands that need a library are disabled in recovery', () => {
    const sent: CommandId[] = [];
    const t = buildMenuTemplate('linux', { library: false, article: false, selection: false }, (id) => sent.push(id));
    const file = submenu(t, 'File');
    (byId(file, 'new-note')!.click as () => void)();
    expect(sent).toEqual(['new-note']);
    expect(byId(file, 'import')!.enabled).toBe(false);
    expect(byId(file, 'open-library')!.enabled).toBe(true);
    expect(byId(file, 'preferences')!.enabled).toBe(true);
  });

  it('every accelerator is unique per platform and every command with a menu appears in it', () => {
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const keys = COMMANDS.map((c) => (c as { keys?: Record<string, string> }).keys?.[platform]).filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
      const t = JSON.stringify(buildMenuTemplate(platform, ready, () => {}));
      for (const c of COMMANDS) if (c.menus.some((m) => m.menu !== 'selection')) expect(t).toContain(`"id":"${c.id}"`);
    }
  });

  it('enabled state follows what is open', () => {
    expect(isEnabled('selection', { library: true, article: true, selection: false })).toBe(false);
    expect(isEnabled('article', { library: true, article: true, selection: false })).toBe(true);
    expect(isEnabled('library', { library: false, article: true, selection: true })).toBe(false);
  });
});

describe('context menu', () => {
  const base: ContextParams = {
    misspelledWord: '',
    dictionarySuggestions: [],
    isEditable: false,
    selectionText: '',
    editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: true },
  };
  const actions = () => {
    const log: string[] = [];
    return {
      log,
      a: {
        replaceMisspelling: (w: string) => log.push(`replace:${w}`),
        addToDictionary: (w: string) => log.push(`add:${w}`),
        dispatch: (id: CommandId) => log.push(`cmd:${id}`),
      },
    };
  };

  it('a misspelt word in the note editor: suggestions first, Add to dictionary, then cut/copy/paste', () => {
    const { log, a } = actions();
    const t = contextMenuTemplate(
      {
        ...base,
        isEditable: true,
        misspelledWord: 'recieve',
        dictionarySuggestions: ['receive', 'relieve'],
        editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
      },
      'linux',
      ready,
      a,
    );
    expect(labels(t)).toEqual(['receive', 'relieve', 'Add to dictionary', '—', 'cut', 'copy', 'paste', 'selectAll']);
    (t[0]!.click as () => void)();
    (t[2]!.click as () => void)();
    expect(log).toEqual(['replace:receive', 'add:recieve']);
  });

  it('no suggestions is said, not an empty menu', () => {
    const { a } = actions();
    const t = contextMenuTemplate({ ...base, isEditable: true, misspelledWord: 'zxqv' }, 'win', ready, a);
    expect(t[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
  });

  it('a selection in the reader: Highlight, Add note, Copy link to passage, and Copy', () => {
    const { log, a } = actions();
    const t = contextMenuTemplate(
      { ...base, selectionText: 'Iranian drones', editFlags: { ...base.editFlags, canCopy: true } },
      'mac',
      ready,
      a,
    );
    expect(labels(t)).toEqual(['Highlight', 'Add note', 'Copy link to passage', '—', 'copy']);
    expect(t[0]!.accelerator).toBe('Cmd+Shift+H');
    (t[2]!.click as () => void)();
    expect(log).toEqual(['cmd:copy-passage-link']);
  });

  it('paste is offered but disabled where the page cannot paste; nothing at all on plain page background', () => {
    const { a } = actions();
    expect(contextMenuTemplate(base, 'linux', ready, a)).toEqual([]);
    const t = contextMenuTemplate({ ...base, isEditable: true }, 'linux', ready, a);
    expect(t.find((i) => i.role === 'paste')!.enabled).toBe(false);
  });
});
