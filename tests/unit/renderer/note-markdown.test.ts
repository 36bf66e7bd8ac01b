// @vitest-environment jsdom
// The note preview (issue 12, item 9): GFM tables, task lists and footnotes render; [[note title]]
// links become in-app note links; what a page could use to run code or load remote content does not.
import { describe, expect, it } from 'vitest';
import { noteLinkTitles, renderMarkdown } from '../../../renderer/src/notes/markdown.js';

const dom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('note preview Markdown', () => {
  it('renders tables, task lists and footnotes', () => {
    const md = [
      '| Outlet | Quote |',
      '| --- | --- |',
      '| RFE/RL | appalling |',
      '',
      '- [x] read both outlets',
      '- [ ] ask the ministry',
      '',
      'Blinken said so.[^1]',
      '',
      '[^1]: State Department briefing, 2022.',
    ].join('\n');
    const d = dom(renderMarkdown(md));
    expect([...d.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['Outlet', 'Quote']);
    expect(d.querySelector('td')?.textContent).toBe('RFE/RL');
    expect([...d.querySelectorAll('.task-box')].map((b) => b.getAttribute('aria-label'))).toEqual(['done', 'to do']);
    expect(d.querySelector('input')).toBeNull();
    const ref = d.querySelector<HTMLAnchorElement>('sup a[href^="#"]');
    expect(ref).not.toBeNull();
    const target = d.querySelector(ref!.getAttribute('href')!);
    expect(target?.textContent).toContain('State Department briefing, 2022.');
  });

  it('turns [[note title]] links into note links, with a shown text and a part', () => {
    const d = dom(renderMarkdown('See [[Drones in Ukraine]], [[Sources|the sources]] and [[Timeline#2022]].'));
    const links = [...d.querySelectorAll<HTMLAnchorElement>('a.note-link')];
    expect(links.map((a) => [a.dataset.noteTitle, a.textContent])).toEqual([
      ['Drones in Ukraine', 'Drones in Ukraine'],
      ['Sources', 'the sources'],
      ['Timeline', 'Timeline'],
    ]);
    expect(noteLinkTitles('[[A]] [[B|b]] [[A#x]]')).toEqual(['A', 'B']);
  });

  it('escapes a note link title and still sanitizes the rest', () => {
    const d = dom(
      renderMarkdown(
        '[[<img src=x onerror=alert(1)>]] <script>alert(1)</script> [x](javascript:alert(1)) ![p](https://e.org/p.png)',
      ),
    );
    expect(d.querySelector('script, img, [onerror]')).toBeNull();
    expect(d.querySelector('a.note-link')?.getAttribute('data-note-title')).toBe('<img src=x onerror=alert(1)>');
    expect(d.querySelector('a[href^="javascript"]')).toBeNull();
    expect(d.textContent).toContain('[p]');
  });

  it('keeps ids a note gives (footnotes) apart from the app’s own', () => {
    const d = dom(renderMarkdown('<p id="reader">x</p>\n\nA claim.[^a]\n\n[^a]: Its source.'));
    expect(d.querySelector('#reader')).toBeNull();
    expect(d.querySelector('#user-content-reader')?.textContent).toBe('x');
    const ref = d.querySelector<HTMLAnchorElement>('sup a')!;
    expect(ref.getAttribute('href')).toMatch(/^#user-content-/);
  });
});
