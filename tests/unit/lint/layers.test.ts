// The layers (docs/ARCHITECTURE.md, "The layers") hold by folder, whatever the
// depth of the path or the spelling of the import (eslint-rules/layers.js).
import { describe, expect, it } from 'vitest';
import { lint, refuses } from './lint-harness.js';

describe('the core (electron/core/**) is plain Node below the front ends', () => {
  refuses([
    ['electron/core/store/x.ts', "import { app } from 'electron';\nexport const a = app;", /electron/],
    ['electron/core/store/x.ts', "export const load = () => import('electron');", /electron/],
    ['electron/core/x.ts', 'export const load = () => import(`electron`);', /electron/],
    ['electron/core/store/x.ts', "export { BrowserWindow } from 'electron/main';", /electron/],
    ['electron/core/store/x.ts', "import { registerIpc } from '../../ipc.js';\nexport const r = registerIpc;", /ipc/],
    ['electron/core/export/formats/x.ts', "import { x } from '../../../ipc.js';\nexport const y = x;", /ipc/],
    ['electron/core/x.ts', "import { x } from '../library-session.js';\nexport const y = x;", /library-session/],
    ['electron/core/store/x.ts', "import { x } from '../../channels.js';\nexport const y = x;", /channels/],
    ['electron/core/x.ts', "import { toReply } from '../errors.js';\nexport const y = toReply;", /errors/],
    ['electron/core/x.ts', "export * from '../web.js';", /web/],
    ['electron/core/tags/x.ts', "import { x } from '../../../renderer/src/bus.js';\nexport const y = x;", /renderer/],
    [
      'electron/core/tags/x.ts',
      "import { x } from '../../shared/commands.js';\nexport const y = x;",
      /outside electron\/core/,
    ],
    ['electron/core/store/x.ts', "export const m = () => import('../../main.js');", /main/],
  ]);

  it('accepts Node built-ins, the house and its own room', async () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'node:path';",
      "import type { ArticleMeta } from '../model.js';",
      "import { newId } from '../ids.js';",
      "import { JsonStore } from './json-store.js';",
      'export const all = [readFile, path, newId, JsonStore];',
      'export type A = ArticleMeta;',
    ].join('\n');
    expect(await lint('electron/core/store/x.ts', code)).toEqual([]);
  });
});

describe('a room imports another room only through its public modules', () => {
  refuses([
    // The three seen in the code before the rule existed.
    [
      'electron/core/anchor/x.ts',
      "import { toSummary } from '../articles/service.js';\nexport const c = toSummary;",
      /'articles' room's internals/,
    ],
    [
      'electron/core/crossref/x.ts',
      "import { writeFileDurable } from '../store/durable-fs.js';\nexport const w = writeFileDurable;",
      /'store' room's internals/,
    ],
    [
      'electron/core/articles/x.ts',
      "import { detectInterchange } from '../export/interchange.js';\nexport const d = detectInterchange;",
      /'export' room's internals/,
    ],
    [
      'electron/core/articles/x.ts',
      "export { createExtractionPool } from '../import/pool.js';",
      /'import' room's internals/,
    ],
    [
      'electron/core/export/x.ts',
      "import { anchor } from '../anchor/anchoring.js';\nexport const a = anchor;",
      /'anchor' room's internals/,
    ],
    // Deeper files, dynamic imports and type imports count alike.
    [
      'electron/core/export/formats/x.ts',
      "import { isWithin } from '../../tags/tag-path.js';\nexport const i = isWithin;",
      /'tags' room's internals/,
    ],
    ['electron/core/search/x.ts', "export const t = () => import('../tags/service.js');", /'tags' room's internals/],
    [
      'electron/core/x.ts',
      "import { JsonStore } from './store/json-store.js';\nexport const j = JsonStore;",
      /'store' room's internals/,
    ],
  ]);

  it("accepts another room's index.ts, api.ts, contract.ts and types.ts", async () => {
    const code = [
      "import { writeFileDurable } from '../store/index.js';",
      "import type { StoreError } from '../store/types.js';",
      "import type { TagInfo } from '../tags/api.js';",
      "import { searchContract } from '../search/contract.js';",
      'export const all = [writeFileDurable, searchContract];',
      'export type T = TagInfo | StoreError;',
    ].join('\n');
    expect(await lint('electron/core/crossref/x.ts', code)).toEqual([]);
  });
});

describe('front ends (main, web, cli, ipc) use the contract and public modules', () => {
  refuses([
    [
      'electron/cli/x.ts',
      "import { listBackups } from '../core/store/backups.js';\nexport const l = listBackups;",
      /'store' room's internals/,
    ],
    [
      'electron/x.ts',
      "import { exportToPath } from './core/export/write.js';\nexport const e = exportToPath;",
      /'export' room's internals/,
    ],
    ['electron/web.ts', "import { App } from '../renderer/src/app.js';\nexport const a = App;", /renderer/],
  ]);

  it('accepts the contract, openCore and public modules', async () => {
    const code = [
      "import { API_METHODS } from '../core/contract.js';",
      "import { openCore } from '../core/core.js';",
      "import { listBackups } from '../core/store/index.js';",
      "import { COMMANDS } from '../shared/commands.js';",
      'export const all = [API_METHODS, openCore, listBackups, COMMANDS];',
    ].join('\n');
    expect(await lint('electron/cli/x.ts', code)).toEqual([]);
  });
});

describe('the renderer: no Node, no electron, the contract only as types', () => {
  refuses([
    [
      'renderer/src/x.ts',
      "import { readFile } from 'fs/promises';\nexport const r = readFile;",
      /Node built-in 'fs\/promises'/,
    ],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs';\nexport const r = readFile;", /Node built-in/],
    ['renderer/src/x.ts', "import { join } from 'path/posix';\nexport const j = join;", /Node built-in/],
    ['renderer/src/x.ts', "import os from 'os';\nexport const o = os;", /Node built-in/],
    ['renderer/src/x.ts', "export const c = () => import('node:child_process');", /Node built-in/],
    [
      'renderer/src/deep/er/x.tsx',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;",
      /electron/,
    ],
    ['renderer/src/x.ts', "export const e = () => import('electron');", /electron/],
    [
      'renderer/src/x.ts',
      "import { contract } from '../../electron/core/contract.js';\nexport const c = contract;",
      /only the contract's types/,
    ],
    [
      'renderer/src/x.ts',
      "import type { BackupInfo } from '../../electron/core/store/api.js';\nexport type B = BackupInfo;",
      /only the contract's types/,
    ],
    [
      'renderer/src/x.ts',
      "import { API } from '../../electron/core/api.js';\nexport const a = API;",
      /import only its types/,
    ],
    ['renderer/src/x.ts', "export const m = () => import('../../electron/core/model.js');", /import only its types/],
    [
      'renderer/src/x.ts',
      "import { channelFor } from '../../electron/channels.js';\nexport const c = channelFor;",
      /only the contract's types/,
    ],
  ]);

  it("accepts the contract's types and the shared command table's values", async () => {
    const code = [
      "import type { ScholiaApi } from '../../electron/core/api.js';",
      "import { type Note } from '../../electron/core/model.js';",
      "import { COMMANDS } from '../../electron/shared/commands.js';",
      "import { on } from './bus.js';",
      'export const all = [COMMANDS, on];',
      'export type T = ScholiaApi | Note;',
    ].join('\n');
    expect(await lint('renderer/src/x.ts', code)).toEqual([]);
  });
});

describe('the preload imports only electron and the generated channel list', () => {
  refuses([
    [
      'electron/preload.ts',
      "import { API_METHODS } from './core/contract.js';\nexport const a = API_METHODS;",
      /generated channel list/,
    ],
    ['electron/preload.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /Node built-in/],
  ]);

  it('accepts electron and electron/generated/channels.ts', async () => {
    const code = [
      "import { contextBridge } from 'electron';",
      "import { API_METHODS } from './generated/channels.js';",
      "import { channelFor } from './channels.js';",
      'export const all = [contextBridge, API_METHODS, channelFor];',
    ].join('\n');
    expect(await lint('electron/preload.ts', code)).toEqual([]);
  });
});

describe('electron/shared and electron/generated are pure data', () => {
  refuses([
    [
      'electron/shared/commands.ts',
      "import { contract } from '../core/contract.js';\nexport const c = contract;",
      /pure data/,
    ],
    ['electron/shared/commands.ts', "import { Menu } from 'electron';\nexport const m = Menu;", /electron/],
    [
      'electron/shared/desktop-messages.ts',
      "import { API_METHODS } from '../core/api.js';\nexport const m = API_METHODS;",
      /import only its types/,
    ],
    [
      'electron/generated/channels.ts',
      "import { contract } from '../core/contract.js';\nexport const c = contract;",
      /pure data/,
    ],
  ]);
  it("accepts the contract's types (the messages name an import's results)", async () => {
    const code = "import type { ImportResult } from '../core/api.js';\nexport type M = { results: ImportResult[] };";
    expect(await lint('electron/shared/desktop-messages.ts', code)).toEqual([]);
  });
});
