// Markdown: front matter metadata, title from the first heading, plain canonical text.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { ImportError } from '../../../electron/core/import/types.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('Markdown import', () => {
  it('reads front matter and renders plain paragraphs without Markdown syntax', async () => {
    const md = `---
title: Drones over Kyiv
tags: [ukraine/drones, iran]
source: RFE/RL
url: https://www.rferl.org/a/blinken-drones/32104.html
date: 2022-10-27
author: Staff
---
Russia has used the drones to **kill Ukrainian civilians**, Blinken [said](https://example.org).

- sanctions on Iran
- a plan to track weapons

> "We will definitely not be indifferent," he added.
`;
    const [a] = await extractArticles({ name: 'drones.md', bytes: enc(md) });
    expect(a).toMatchObject({
      title: 'Drones over Kyiv',
      tags: ['ukraine/drones', 'iran'],
      source: 'RFE/RL',
      url: 'https://www.rferl.org/a/blinken-drones/32104.html',
      published: '2022-10-27',
      author: 'Staff',
      format: 'md',
    });
    expect(a!.text).toBe(
      'Russia has used the drones to kill Ukrainian civilians, Blinken said.\n\nsanctions on Iran\n\na plan to track weapons\n\n"We will definitely not be indifferent," he added.',
    );
    expect(a!.html).toContain('<strong>kill Ukrainian civilians</strong>');
    expect(a!.original).toBe(md);
  });

  it('takes the first heading as title when there is no front matter, and sanitises raw HTML', async () => {
    const md =
      '# Field Notes\n\nFirst paragraph.<script>alert(1)</script>\n\n<img src="https://x.example/a.png" alt="chart">\n\nSecond paragraph.';
    const [a] = await extractArticles({ name: 'notes.md', bytes: enc(md) });
    expect(a!.title).toBe('Field Notes');
    expect(a!.text).toBe('First paragraph.\n\nSecond paragraph.');
    expect(a!.html).not.toMatch(/<script|\ssrc=/);
    expect(a!.html).toContain('alt="chart"');
  });

  it('reports broken front matter clearly', async () => {
    const md = '---\ntitle: [unclosed\n---\nBody';
    await expect(extractArticles({ name: 'bad.md', bytes: enc(md) })).rejects.toThrow(ImportError);
    await expect(extractArticles({ name: 'bad.md', bytes: enc(md) })).rejects.toThrow(
      /bad\.md: its front matter .* is not valid YAML/,
    );
  });
});
