// A new library starts with our welcome article, so the first screen is not empty.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ScholiaApi } from './api.js';
import type { CoreContext } from './context.js';

export const WELCOME_FILE = 'welcome.txt';

export async function ensureFirstRun(ctx: CoreContext, api: ScholiaApi, resourcesDir: string): Promise<void> {
  if (ctx.store.getSetting<boolean>('welcomed')) return;
  if (ctx.store.listArticles().length === 0) {
    const bytes = await fs.readFile(path.join(resourcesDir, WELCOME_FILE));
    const [result] = await api.importFiles([
      { name: WELCOME_FILE, dataBase64: bytes.toString('base64'), mime: 'text/plain' },
    ]);
    if (result?.id) await api.updateArticle(result.id, { source: 'Scholia', title: 'Welcome to Scholia' });
  }
  await ctx.store.setSetting('welcomed', true);
}
