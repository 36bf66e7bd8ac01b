// The two sample articles imported the way a user does (importFiles through the core), with the
// quote both carry highlighted in each: the library the citation tests cite from.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../../electron/core/core.js';
import { FIXTURES } from '../../sample-text.js';

export const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';
export const SAMPLES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];

export interface SampleLibrary {
  core: Core;
  dir: string;
  articles: { mt: string; rferl: string };
  passages: { mt: string; rferl: string };
  done(): Promise<void>;
}

/** A fresh library with both samples imported on 2026-11-22 and the shared quote highlighted in each. */
export async function sampleLibrary(now = '2026-11-22T01:00:00.000Z'): Promise<SampleLibrary> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-cite-'));
  const core = await openCore({ libraryDir: dir, mode: 'cli', now: () => new Date(now) });
  const files = SAMPLES.map((name) => ({
    name,
    dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64'),
  }));
  const [mt, rferl] = (await core.api.importFiles(files)).map((r) => r.id!);
  const passage = async (articleId: string): Promise<string> => {
    const a = (await core.api.getArticle(articleId))!;
    const start = a.text.indexOf(QUOTE);
    const p = await core.api.addPassage({ articleId, start, end: start + QUOTE.length });
    return p.id;
  };
  return {
    core,
    dir,
    articles: { mt: mt!, rferl: rferl! },
    passages: { mt: await passage(mt!), rferl: await passage(rferl!) },
    async done() {
      await core.close().catch(() => undefined); // a test may have closed it for the CLI
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A note citing both samples, with raw HTML in it and a link to a passage that no longer exists. */
export async function citingNote(lib: SampleLibrary): Promise<string> {
  const note = await lib.core.api.createNote({
    title: 'Drones: two outlets',
    body: [
      'Both outlets quote Blinken in the same words.',
      '',
      `[${QUOTE}](scholia://passage/${lib.passages.mt})`,
      '',
      `RFE/RL has the same sentence: [the drones](scholia://passage/${lib.passages.rferl}), which is **worth** noting.`,
      '',
      '- a list item with <script>alert(1)</script> in it',
      '',
      '[a passage since deleted](scholia://passage/p_gone)',
    ].join('\n'),
  });
  return note.id;
}
