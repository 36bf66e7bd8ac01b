// The browser extension (clipper/) is a layer of its own: it shares with the
// app only the clip endpoint's protocol and the contract's types, and nothing
// of the app imports it (eslint-rules/layers.js).
import { describe, expect, it } from 'vitest';
import { lint, refuses } from './lint-harness.js';

describe('clipper/ imports only the clip protocol and the contract types', () => {
  refuses([
    [
      'clipper/src/x.ts',
      "import { ScholiaClient } from '../../renderer/src/shared/http-client.js';\nexport const c = ScholiaClient;",
      /renderer\/src\/shared\/http-client.*clip protocol/,
    ],
    [
      'clipper/src/x.ts',
      "import { startClipServer } from '../../electron/clip-endpoint.js';\nexport const s = startClipServer;",
      /electron\/clip-endpoint/,
    ],
    [
      'clipper/src/x.ts',
      "import { API_METHODS } from '../../electron/generated/channels.js';\nexport const m = API_METHODS;",
      /generated\/channels/,
    ],
    [
      'clipper/src/deep/x.ts',
      "import { COMMANDS } from '../../../electron/shared/commands.js';\nexport const c = COMMANDS;",
      /shared\/commands/,
    ],
    [
      'clipper/src/x.ts',
      "import { ERROR_TABLE } from '../../electron/errors.js';\nexport const e = ERROR_TABLE;",
      /electron\/errors/,
    ],
    [
      'clipper/src/x.ts',
      "import { ARTICLE_KINDS } from '../../electron/core/model.js';\nexport const k = ARTICLE_KINDS;",
      /import only its types/,
    ],
    ['clipper/src/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;", /Node built-in/],
    ['clipper/src/x.ts', "export const load = () => import('electron');", /clip endpoint/],
    ['clipper/src/x.ts', "export { z } from '../../electron/core/contract.js';", /electron\/core\/contract/],
  ]);

  it('accepts its own folder, the clip protocol and the contract types', async () => {
    const code = [
      "import { CLIP_PATHS, type ClipReply } from '../../electron/shared/clip-protocol.js';",
      "import type { ArticleSummary } from '../../electron/core/api.js';",
      "import type { Passage } from '../../electron/core/model.js';",
      "import { ext } from './ext.js';",
      'export const all = [CLIP_PATHS, ext];',
      'export type A = [ClipReply, ArticleSummary, Passage];',
    ].join('\n');
    expect(await lint('clipper/src/x.ts', code)).toEqual([]);
  });
});

describe('nothing of the app imports the extension', () => {
  refuses([
    [
      'electron/web.ts',
      "import { capturePage } from '../clipper/src/capture.js';\nexport const c = capturePage;",
      /built on its own/,
    ],
    [
      'electron/core/x.ts',
      "import { ext } from '../../clipper/src/ext.js';\nexport const e = ext;",
      /outside electron\/core/,
    ],
    [
      'renderer/src/x.ts',
      "import { ext } from '../../clipper/src/ext.js';\nexport const e = ext;",
      /only the contract's types/,
    ],
    ['electron/shared/x.ts', "import { ext } from '../../clipper/src/ext.js';\nexport const e = ext;", /pure data/],
  ]);
});
