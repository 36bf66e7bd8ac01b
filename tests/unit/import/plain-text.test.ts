// Plain text, the hard case: the two sample articles as copied from their sites,
// with the outlets' boilerplate still in them.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { structurePlainText } from '../../../electron/core/import/plain-text.js';
import { fixtureBytes, fixtureParagraphs, restoreAll } from './helpers.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const RFERL = 'rferl-blinken-iranian-drones.txt';

async function extract(name: string) {
  const [a] = await extractArticles({ name, bytes: fixtureBytes(name) });
  if (!a) throw new Error('no article');
  return a;
}

describe('plain text: The Moscow Times sample', () => {
  it('finds the headline, not the donation banner above it', async () => {
    const a = await extract(MT);
    expect(a.title).toBe("Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
    expect(a.format).toBe('txt');
  });

  it('names the outlet from its own boilerplate', async () => {
    expect((await extract(MT)).source).toBe('The Moscow Times');
  });

  it('keeps every paragraph of the reporting, in order, and nothing else', async () => {
    const a = await extract(MT);
    // Paragraphs 3..11 of the file are the report (0 banner, 1 headline, 2 caption, 12.. appeals).
    const reporting = fixtureParagraphs(MT).slice(3, 12);
    expect(a.text).toBe(reporting.join('\n\n'));
    expect(a.text).not.toContain(a.title);
  });

  it('leaves no donation, newsletter or subscription text in the body, and sets all of it aside', async () => {
    const a = await extract(MT);
    for (const phrase of [
      'Support The Moscow Times',
      'newsletter',
      'Subscribers',
      'Dear readers',
      'support us',
      'contribution',
      'Remind me later',
      'Read more',
      'undesirable',
    ]) {
      expect(a.text).not.toContain(phrase);
      expect(a.removed.some((r) => r.text.includes(phrase))).toBe(true);
    }
    const reasons = new Set(a.removed.map((r) => r.reason));
    expect(reasons).toEqual(new Set(['donation appeal', 'newsletter prompt', 'promotion', 'photo caption']));
    expect(a.removed.find((r) => r.text.startsWith('Secretary of State Antony Blinken speaks'))?.reason).toBe(
      'photo caption',
    );
  });

  it('can restore every removed block to where it stood', async () => {
    const a = await extract(MT);
    const all = fixtureParagraphs(MT);
    const withoutTitle = all.filter((_, i) => i !== 1);
    expect(restoreAll(a.text, a.removed)).toEqual(withoutTitle);
    expect(a.original).toBe(all.length ? Buffer.from(fixtureBytes(MT)).toString('utf8') : '');
  });
});

describe('plain text: the RFE/RL sample', () => {
  it('finds headline, outlet, caption and live-blog promotion', async () => {
    const a = await extract(RFERL);
    expect(a.title).toBe("Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'");
    expect(a.source).toBe('RFE/RL');
    expect(a.removed.map((r) => r.reason)).toEqual(['photo caption', 'promotion', 'promotion']);
    expect(a.text).not.toMatch(/Live Briefing|click here/);
  });

  it('keeps every paragraph of the reporting, including the agency credit', async () => {
    const a = await extract(RFERL);
    const p = fixtureParagraphs(RFERL);
    expect(a.text).toBe([...p.slice(2, 4), ...p.slice(6)].join('\n\n'));
    expect(restoreAll(a.text, a.removed)).toEqual(p.slice(1));
  });
});

describe('plain text: structure rules', () => {
  it('uses the file name as title when the text starts with a paragraph', () => {
    const s = structurePlainText(
      'The minister said on Monday that talks would resume.\n\nThey did not.',
      'talks-resume.txt',
    );
    expect(s.title).toBe('talks resume');
    expect(s.text).toBe('The minister said on Monday that talks would resume.\n\nThey did not.');
  });

  it('takes a byline and a dateline as author and date, keeping them restorable', () => {
    const s = structurePlainText(
      'Ships Return to Port\n\nBy Jane Doe\n\nOctober 27, 2022\n\nThe fleet came home on Thursday.',
      'x.txt',
    );
    expect(s).toMatchObject({ title: 'Ships Return to Port', author: 'Jane Doe', published: '2022-10-27' });
    expect(s.text).toBe('The fleet came home on Thursday.');
    expect(s.removed.map((r) => r.text)).toEqual(['By Jane Doe', 'October 27, 2022']);
  });

  it('finds an outlet named in a wire dateline, and none in plain reporting', () => {
    expect(structurePlainText('Talks Resume\n\nKYIV (Reuters) - Talks resumed on Monday.', 'x.txt').source).toBe(
      'Reuters',
    );
    expect(
      structurePlainText(
        'Fans Celebrate\n\nThousands of fans supporting Arsenal gathered outside the stadium.',
        'x.txt',
      ).source,
    ).toBe('');
  });

  it('joins hard-wrapped lines into one paragraph but keeps short lines apart', () => {
    const wrapped =
      'Title Of The Piece\n\nThis paragraph was wrapped at a fixed width by the program\nthat saved it, so each of its lines is long and the last\none is short.';
    expect(structurePlainText(wrapped, 'x.txt').text).toBe(
      'This paragraph was wrapped at a fixed width by the program that saved it, so each of its lines is long and the last one is short.',
    );
  });
});
