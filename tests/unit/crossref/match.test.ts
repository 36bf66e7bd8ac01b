// Matching on the two sample articles: the same story from The Moscow Times
// and RFE/RL, which share quotes word for word and differ in details.
import { expect, it } from 'vitest';
import { sharedSpans, type MatchPair } from '../../../electron/core/crossref/match.js';
import { splitSentences } from '../../../electron/core/crossref/sentences.js';
import { ShingleIndex } from '../../../electron/core/crossref/shingle-index.js';
import { hashString, scanWords, tokenize } from '../../../electron/core/crossref/tokens.js';
import { canonicalSample } from '../../sample-text.js';

const sample = canonicalSample;
const MT = sample('moscow-times-blinken-iranian-drones.txt');
const RFE = sample('rferl-blinken-iranian-drones.txt');

const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';
const CANADA_MT =
  "Canada and the United States will keep working with our allies and partners to expose, to deter and to counter Iran's provision of these weapons";
const CANADA_RFE =
  "Canada and the United States will keep working with our allies and partners to expose, to deter, and to counter Iran's provision of these weapons";

function covering(pairs: MatchPair[], a: string, phrase: string): MatchPair | undefined {
  const at = a.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return pairs.find((p) => p.aStart <= at && p.aEnd >= at + phrase.length);
}

it('finds the quote both outlets carry word for word, as an exact match at its place in each text', () => {
  const pairs = sharedSpans(MT, RFE);
  const p = covering(pairs, MT, QUOTE);
  expect(p).toBeDefined();
  expect(p!.kind).toBe('exact');
  expect(p!.similarity).toBe(1);
  expect(RFE.slice(p!.bStart, p!.bEnd)).toContain(QUOTE);
  // The same span read from either text is the same words.
  expect(MT.slice(p!.aStart, p!.aEnd)).toBe(RFE.slice(p!.bStart, p!.bEnd));
});

it('finds the Canada sentence despite the added comma, as a near match that points at the right sentence', () => {
  const pairs = sharedSpans(MT, RFE);
  const p = covering(pairs, MT, CANADA_MT);
  expect(p).toBeDefined();
  expect(p!.kind).toBe('near');
  expect(p!.similarity).toBeGreaterThan(0.9);
  expect(p!.similarity).toBeLessThan(1);
  const b = RFE.slice(p!.bStart, p!.bEnd);
  expect(b).toContain(CANADA_RFE);
});

it('aligns a sentence with a word dropped ("have repeatedly accused" / "have accused") as one near pair', () => {
  const pairs = sharedSpans(MT, RFE);
  const p = covering(pairs, MT, 'Kyiv and its Western allies have repeatedly accused Moscow');
  expect(p?.kind).toBe('near');
  expect(RFE.slice(p!.bStart, p!.bEnd)).toMatch(/^Kyiv and its Western allies have accused Moscow/);
});

it('does not pair the parts the outlets wrote themselves', () => {
  const pairs = sharedSpans(MT, RFE);
  // The Moscow Times' donation appeal and RFE/RL's live-briefing promo are in one text only.
  for (const own of ['Dear readers', 'We are facing unprecedented challenges']) {
    expect(covering(pairs, MT, own)).toBeUndefined();
  }
  const promo = RFE.indexOf("RFE/RL's Ukraine Live Briefing");
  expect(pairs.some((p) => p.bStart <= promo && p.bEnd > promo)).toBe(false);
  // Offsets are ordered, inside the texts and non-empty.
  for (const p of pairs) {
    expect(p.aStart).toBeLessThan(p.aEnd);
    expect(p.bStart).toBeLessThan(p.bEnd);
    expect(p.aEnd).toBeLessThanOrEqual(MT.length);
    expect(p.bEnd).toBeLessThanOrEqual(RFE.length);
  }
});

it('ignores stock phrases shorter than the minimum, and honours a larger minimum', () => {
  const a = 'Officials said on Monday that the United States and its allies would respond. Nothing else.';
  const b = 'Elsewhere, the United States and its allies met in Brussels to talk about trade.';
  expect(sharedSpans(a, b)).toEqual([]);
  const pairs = sharedSpans(MT, RFE, { minWords: 20 });
  expect(pairs.length).toBeGreaterThan(0);
  for (const p of pairs) expect(tokenize(MT.slice(p.aStart, p.aEnd)).length).toBeGreaterThanOrEqual(20);
  expect(pairs.length).toBeLessThan(sharedSpans(MT, RFE).length);
});

it('matches across typography: curly quotes and apostrophes against straight ones', () => {
  const a = '“We have not supplied Russia with any weapons or drones for use in the war,” he said.';
  const b = 'He said: "We have not supplied Russia with any weapons or drones for use in the war."';
  const [p] = sharedSpans(a, b);
  expect(p?.kind).toBe('exact');
  expect(a.slice(p!.aStart, p!.aEnd)).toBe('We have not supplied Russia with any weapons or drones for use in the war');
});

it('splits sentences at full stops but not inside "If... it becomes"', () => {
  const text = '"If... it becomes clear to us," he added. Tehran has rejected it.\n\nNew paragraph here';
  const tokens = tokenize(text);
  const words = splitSentences(
    text,
    tokens.map((t) => t.start),
  ).map((s) =>
    tokens
      .slice(s.from, s.to)
      .map((t) => t.norm)
      .join(' '),
  );
  expect(words).toEqual(['if it becomes clear to us he added', 'tehran has rejected it', 'new paragraph here']);
});

it('names the articles that share text through the index, and forgets removed ones', () => {
  const index = new ShingleIndex();
  index.add('mt', MT);
  index.add('rfe', RFE);
  index.add(
    'other',
    'A completely different story about the weather in Lisbon, sunny with some clouds in the evening.',
  );
  expect(index.candidates('mt').map((c) => c.id)).toEqual(['rfe']);
  expect(index.candidates('other')).toEqual([]);
  index.remove('rfe');
  expect(index.candidates('mt')).toEqual([]);
  index.add('rfe2', RFE);
  expect(index.candidates('mt').map((c) => c.id)).toEqual(['rfe2']);
});

it('scans the same words as the tokenizer, folding case, accents and apostrophe styles', () => {
  const text = `${MT}\n\nTehran’s “Amir-Abdollahian” said: ÉTÉ café Zürich 2,000 drones; it's ok 𝐀𝐁 end`;
  const tokens = tokenize(text);
  const table = scanWords(text);
  expect([...table.starts]).toEqual(tokens.map((t) => t.start));
  expect([...table.ends]).toEqual(tokens.map((t) => t.end));
  expect([...table.hashes]).toEqual(tokens.map((t) => hashString(t.norm)));
  const norm = (w: string) => tokenize(w)[0]!.norm;
  expect(norm('Tehran’s')).toBe(norm("tehran's"));
  expect(norm('ÉTÉ')).toBe('ete');
});
