// Restoring a JSON backup of 2,000 articles (the two sample texts, varied),
// 2,000 passages and 500 notes into an empty library on disk, end to end
// (parse, write every body durably, journal, index). No target in the issue:
// reported for comparison (per-item writes took minutes at 10k articles).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreContext, type CoreContext } from '../electron/core/context.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../electron/core/interop/api.js';
import { importInterchange } from '../electron/core/interop/api.js';
import { JsonStore } from '../electron/core/store/json-store.js';
import { report } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ARTICLES = 2_000;
const NOTES = 500;
const T = '2026-01-01T00:00:00.000Z';

function backup(): string {
  const texts = ['rferl-blinken-iranian-drones.txt', 'moscow-times-blinken-iranian-drones.txt'].map((f) =>
    readFileSync(path.join(here, '..', 'tests', 'fixtures', f), 'utf8'),
  );
  const b: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T,
    complete: true,
    articles: [],
    passages: [],
    notes: [],
    trash: { entries: [], items: [] },
    settings: { firstRunDone: true },
  };
  for (let i = 0; i < ARTICLES; i++) {
    const id = `a_${i.toString(36).padStart(8, '0')}`;
    const text = `${texts[i % 2]!}\n\nCopy ${i}.`;
    b.articles.push({
      meta: {
        id,
        title: `${text.split('\n')[0]} (${i})`,
        source: 'RFE/RL',
        author: '',
        published: '2022-10-27',
        url: `https://example.org/${id}`,
        lang: 'en',
        tags: ['bench'],
        words: text.split(/\s+/).length,
        format: 'txt',
        origin: `${id}.txt`,
        contentHash: id.padEnd(64, '0'),
        addedAt: T,
        updatedAt: T,
      },
      body: { id, text, removed: [], original: text, html: '' },
    });
    b.passages.push({
      id: `p_${i.toString(36)}`,
      articleId: id,
      quote: { type: 'TextQuoteSelector', exact: text.slice(100, 200), prefix: text.slice(68, 100), suffix: '' },
      position: { type: 'TextPositionSelector', start: 100, end: 200 },
      state: 'anchored',
      color: 'yellow',
      tags: [],
      createdAt: T,
      updatedAt: T,
    });
  }
  for (let i = 0; i < NOTES; i++) {
    b.notes.push({
      id: `n_${i.toString(36)}`,
      title: `Note ${i}`,
      articleId: b.articles[i]!.meta.id,
      tags: [],
      createdAt: T,
      updatedAt: T,
      body: `See [the quote](scholia://passage/p_${i.toString(36)}).\n\n${texts[0]!.slice(0, 600)}`,
    });
  }
  return JSON.stringify(b);
}

export default async function (): Promise<void> {
  const text = backup();
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholia-restore-bench-'));
  const store = new JsonStore(path.join(root, 'library'), { autoBackupDelayMs: 0 });
  await store.open();
  const ctx: CoreContext = createCoreContext({ store, mode: 'cli' });
  try {
    const t = performance.now();
    const r = await importInterchange(ctx, 'scholia-backup', text);
    const s = (performance.now() - t) / 1000;
    if (store.listArticles().length !== ARTICLES || r.status !== 'imported') throw new Error('restore lost articles');
    report(`export: restore a JSON backup (${ARTICLES} articles, ${NOTES} notes)`, s, 's', 'info', null);
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}
