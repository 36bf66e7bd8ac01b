import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontMatter, frontMatterViaYaml } from '../../../electron/core/export/front-matter.js';

const DATA = path.resolve(__dirname, '../../../../shared/datasets/news');
const TRICKY = [
  'yes',
  'No',
  'ON',
  'null',
  '~',
  '2022',
  '0x1F',
  '1e3',
  '.5',
  '-x',
  '- x',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  ' lead',
  'trail ',
  '@at',
  '`tick',
  "it's",
  "'single'",
  '"q"',
  'Ünïcode – dash',
  '[x]',
  'x [y]',
  '{y}',
  '%p',
  '!bang',
  '*star',
  '&amp',
  '|pipe',
  '>gt',
  '?q',
  'a  b',
  'multi\nline',
  'tab\there',
  'https://x.org/a?b=c&d=e#frag',
  'https://x.org/a b',
  'ftp://x',
  'C:\\path',
  'ends:',
  '2026-11-21T10:00:00.000Z',
  '2022-10-27',
  '2022-10',
  'Kyiv’s drones',
  'Ukraine/drones',
  'Q&A: the (long) view, part 2.',
];

describe('front matter', () => {
  it('writes exactly what yaml.stringify writes, for tricky values', () => {
    for (const v of TRICKY) {
      const fields = { title: v, tags: [v, 'plain'], url: v };
      expect(frontMatter(fields), JSON.stringify(v)).toBe(frontMatterViaYaml(fields));
      expect(parse(frontMatter(fields).slice(4, -4))).toEqual({ title: v, tags: [v, 'plain'], url: v });
    }
  });

  it('writes exactly what yaml.stringify writes, for 2,500 real news titles and URLs', () => {
    const files = ['bbc/bbc.jsonl', 'basil/articles.jsonl'].map((f) => path.join(DATA, f)).filter(existsSync);
    if (!files.length) {
      console.log(`skipped: ${DATA} is absent (shared datasets not available)`);
      return;
    }
    let n = 0;
    for (const f of files) {
      for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
        const r = JSON.parse(line) as { title: string; url?: string; source: string };
        const fields = { title: r.title, source: r.source, url: r.url ?? '', tags: ['news', r.source] };
        expect(frontMatter(fields)).toBe(frontMatterViaYaml(fields));
        n++;
      }
    }
    expect(n).toBeGreaterThan(2000);
  });
});
