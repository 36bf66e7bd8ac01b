// @vitest-environment jsdom
// D: the note preview loads nothing remote, by construction: whatever a note's
// raw HTML holds, what renderMarkdown returns has no attribute that loads a URL.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/src/notes/markdown.js';
import { activeParts } from './active-html.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const REMOTE = [
  '<svg><image href="https://t.example/svg-image.png"/></svg>',
  '<svg><image xlink:href="https://t.example/svg-xlink.png"/></svg>',
  '<svg><use href="https://t.example/sprite.svg#x"/></svg>',
  '<video src="https://t.example/v.mp4" poster="https://t.example/poster.png"></video>',
  '<audio src="https://t.example/a.mp3" controls></audio>',
  '<audio><source src="https://t.example/s.mp3"></audio>',
  '<video><track src="https://t.example/t.vtt"></video>',
  '<table background="https://t.example/table.png"><tr><td background="https://t.example/td.png">x</td></tr></table>',
  '<img srcset="https://t.example/1x.png 1x, https://t.example/2x.png 2x" alt="set">',
  `<picture><source srcset="https://t.example/p.webp"><img src="${PNG}" alt="pic"></picture>`,
  '<p style="background:url(https://t.example/style.png)">styled</p>',
  '<div style="background-image: url(&quot;//t.example/style2.png&quot;)">styled</div>',
  '<object data="https://t.example/o.swf"></object>',
  '<embed src="https://t.example/e.swf">',
  '<link rel="stylesheet" href="https://t.example/s.css">',
  '<input type="image" src="https://t.example/input.png">',
  '<body background="https://t.example/body.png">',
  '<iframe src="https://t.example/frame"></iframe>',
  '<math><mi xlink:href="https://t.example/math">x</mi></math>',
  '<form action="https://t.example/form"><button formaction="https://t.example/b">go</button></form>',
  '<img src="https://t.example/plain.png" alt="chart">',
  '<img src=x onerror="fetch(\'https://t.example/onerror\')">',
  '<style>@import url(https://t.example/import.css); p { background: url(https://t.example/bg.png) }</style>',
  '<meta http-equiv="refresh" content="0; url=https://t.example/refresh">',
  '<base href="https://t.example/">',
  '<a href="https://t.example/ping" ping="https://t.example/ping2">ping</a>',
];

describe('note preview (renderer/src/markdown.ts)', () => {
  it('renders nothing that loads a remote URL, whatever raw HTML the note holds', () => {
    const leaks: string[] = [];
    for (const md of REMOTE) {
      const html = renderMarkdown(`Before\n\n${md}\n\nAfter`);
      const parts = activeParts(html);
      // A remote URL may remain only as a link a person clicks (it opens in the system browser).
      const loading = [...html.matchAll(/(\w[\w:-]*)\s*=\s*"[^"]*t\.example[^"]*"/g)].filter((m) => m[1] !== 'href');
      if (parts.length || loading.length) leaks.push(`${md} -> ${html}`);
    }
    expect(leaks).toEqual([]);
  });

  it('still shows what notes are made of: text, links, passage links, data images, tables', () => {
    const html = renderMarkdown(
      `# Title\n\nSee [the report](https://example.org/r) and [the quote](scholia://passage/p_abc).\n\n![dot](${PNG})\n\n![remote](https://t.example/r.png)\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n`,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('Title');
    expect(doc.querySelector('a[href="https://example.org/r"]')?.getAttribute('target')).toBe('_blank');
    expect(doc.querySelector('a.passage-link')?.getAttribute('data-passage-id')).toBe('p_abc');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe(PNG);
    expect(doc.body.textContent).toContain('[remote]');
    expect(doc.querySelectorAll('td')).toHaveLength(2);
  });
});
