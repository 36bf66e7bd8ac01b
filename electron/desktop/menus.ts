// The native menus, built from the command table (electron/shared/commands.ts)
// per OS: macOS has the app menu (About, Preferences, Services, Hide, Quit);
// Windows and Linux put Preferences and Exit/Quit in File and About in Help.
// Pure: returns Electron's template shape; main.ts hands it to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import {
  COMMANDS,
  type CommandId,
  type CommandSpec,
  type MenuPlacement,
  type Platform,
  type When,
} from '../shared/commands.js';

export interface CommandContext {
  /** A library is open (not the recovery screen). */
  library: boolean;
  /** An article is open in the reader. */
  article: boolean;
  /** Text is selected in the reader. */
  selection: boolean;
}

export function isEnabled(when: When, ctx: CommandContext): boolean {
  switch (when) {
    case 'always':
      return true;
    case 'library':
      return ctx.library;
    case 'article':
      return ctx.library && ctx.article;
    case 'selection':
      return ctx.library && ctx.article && ctx.selection;
  }
}

export function toPlatform(p: NodeJS.Platform): Platform {
  return p === 'darwin' ? 'mac' : p === 'win32' ? 'win' : 'linux';
}

type Dispatch = (id: CommandId) => void;

function item(c: CommandSpec, platform: Platform, ctx: CommandContext, dispatch: Dispatch): MenuItemConstructorOptions {
  const accelerator = c.keys?.[platform];
  return {
    id: c.id,
    label: c.title,
    ...(accelerator ? { accelerator } : {}),
    enabled: isEnabled(c.when, ctx),
    click: () => dispatch(c.id as CommandId),
  };
}

/** The table's commands for one menu, in order, with separators between groups. */
export function menuSection(
  menu: MenuPlacement['menu'],
  platform: Platform,
  ctx: CommandContext,
  dispatch: Dispatch,
  skip: readonly CommandId[] = [],
): MenuItemConstructorOptions[] {
  const placed: { c: CommandSpec; p: MenuPlacement }[] = [];
  for (const c of COMMANDS as readonly CommandSpec[]) {
    if (skip.includes(c.id as CommandId)) continue;
    for (const p of c.menus ?? []) if (p.menu === menu) placed.push({ c, p });
  }
  placed.sort((a, b) => a.p.group - b.p.group || a.p.order - b.p.order);
  const out: MenuItemConstructorOptions[] = [];
  let group: number | undefined;
  for (const { c, p } of placed) {
    if (group !== undefined && p.group !== group) out.push({ type: 'separator' });
    group = p.group;
    out.push(item(c, platform, ctx, dispatch));
  }
  return out;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(
  platform: Platform,
  ctx: CommandContext,
  dispatch: Dispatch,
  appName = 'Scholia',
): MenuItemConstructorOptions[] {
  const mac = platform === 'mac';
  // On macOS, About and Preferences live in the app menu, not in File and Help.
  const macOnlyInAppMenu: CommandId[] = mac ? ['about', 'preferences'] : [];
  const file = menuSection('file', platform, ctx, dispatch, macOnlyInAppMenu);
  const edit = menuSection('edit', platform, ctx, dispatch);
  const view = menuSection('view', platform, ctx, dispatch);
  const help = menuSection('help', platform, ctx, dispatch, macOnlyInAppMenu);
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        ...menuSection('app', platform, ctx, dispatch),
        sep,
        { role: 'services' },
        sep,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        sep,
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: mac ? 'File' : '&File',
    submenu: [...file, sep, mac ? { role: 'close' } : { role: 'quit', label: platform === 'win' ? 'E&xit' : '&Quit' }],
  });
  template.push({
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      sep,
      ...edit,
    ],
  });
  template.push({
    label: mac ? 'View' : '&View',
    submenu: [
      ...view,
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', label: mac ? 'Help' : '&Help', submenu: help });
  return template;
}
