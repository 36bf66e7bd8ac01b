// `scholia cite`: what a user types at the command line, on a library holding the two samples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import { QUOTE, sampleLibrary, type SampleLibrary } from './samples.js';

let lib: SampleLibrary;
beforeAll(async () => {
  lib = await sampleLibrary();
  await lib.core.close(); // the CLI opens the library itself
}, 120_000);
afterAll(async () => lib?.done());

describe('scholia cite', () => {
  it('prints a bibliography entry, and a passage with its in-text citation as --json', async () => {
    const bib = await runCli(lib.dir, 'cite', lib.articles.rferl, '--style', 'apa');
    expect(bib.code).toBe(0);
    expect(bib.out.join('\n').trim()).toBe(
      'Blinken Calls Russia’s Use Of Iranian Drones In Ukraine “Appalling.” (n.d.). RFE/RL.',
    );
    expect(bib.err.join('\n')).toMatch(/warning: .*no author, no publication date/);
    const p = await runCli(
      lib.dir,
      'cite',
      '--passage',
      lib.passages.mt,
      '--style',
      'chicago-author-date',
      '--page',
      '4',
      '--json',
    );
    expect(p.code).toBe(0);
    const out = p.json()[0]! as unknown as { citation: string; quote: string; keys: string[]; text: string };
    expect(out.citation).toBe('(The Moscow Times, n.d., 4)');
    expect(out.quote).toBe(QUOTE);
    expect(out.keys).toEqual(['moscowrussia']);
    expect(out.text).toBe(`“${QUOTE}” (The Moscow Times, n.d., 4)`);
  }, 120_000);

  it('refuses an unknown style and a bad format with a message, not a stack', async () => {
    const r = await runCli(lib.dir, 'cite', lib.articles.mt, '--style', 'nope');
    expect(r.code).not.toBe(0);
    expect(r.err.join('\n')).toMatch(/No citation style "nope" \(known: apa, chicago-author-date/);
    const f = await runCli(lib.dir, 'cite', lib.articles.mt, '--format', 'pdf');
    expect(f.code).toBe(64);
    expect(f.err.join('\n')).toMatch(/--format must be one of text, html, rtf/);
  }, 120_000);
});
