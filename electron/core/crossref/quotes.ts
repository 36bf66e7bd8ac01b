// Quoted statements of an article and who said them, by the attribution rules
// news writing follows: the quote then "…, Blinken said" / "…, said Ned Price"
// / "…, he said", or the speaker first ("Blinken said:", "Price told
// reporters that"), and a paragraph that opens with a quote and names no one
// continues the previous speaker. A pronoun stands for the last person named.
// Measured on BASIL's quote annotations by `npm run eval:crossref`.

export interface Quote {
  /** Offsets of the words inside the quotation marks (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** The speaker as the article names them ("Blinken", "Ned Price"), '' when no rule finds one. */
  speaker: string;
}

const VERBS =
  'said|says|say|added|adds|told|tells|wrote|writes|tweeted|tweets|stated|states|declared|declares|explained|explains|noted|notes|argued|argues|warned|warns|insisted|insists|asked|asks|continued|continues|recalled|recalls|claimed|claims|vowed|vows|announced|announces|replied|replies|responded|responds|according|posted|posts|acknowledged|acknowledges|admitted|admits|complained|complains|charged|charges|countered|counters|urged|urges|predicted|predicts';
/** Words that may lead a name without being it. */
const TITLES = new Set(
  'mr mrs ms miss dr sen senator rep representative gov governor president vice secretary spokesman spokeswoman spokesperson minister prime chairman chairwoman chair former leader speaker sir gen general state of the a an u.s us white house majority minority republican democratic rev judge justice attorney adviser aide candidate mayor ambassador deputy press foreign defense defence'.split(
    ' ',
  ),
);
const DAYS = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[.,]?$/;
/** Capitalised words that are places, media or sources, not speakers. */
const NOT_SPEAKERS =
  /\b(News|Twitter|Facebook|Instagram|States|Sources|Times|Post|Journal|Press|Convention|Committee|Congress|Capitol|Washington|America|CNN|MSNBC|Fox|Reuters|AP)\b/;
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
const NAME = String.raw`(?:[\p{Lu}][\p{L}'’.-]*)(?:\s+(?:of\s+|de\s+|van\s+|von\s+)?[\p{Lu}][\p{L}'’.-]*){0,5}`;
const AFTER_NAME_VERB = new RegExp(String.raw`^[\s,;:–—-]*(${NAME}|he|she|they|I|we)\s+(?:${VERBS})\b`, 'u');
const AFTER_VERB_NAME = new RegExp(String.raw`^[\s,;:–—-]*(?:${VERBS})\s+(${NAME})`, 'u');
const BEFORE = new RegExp(
  String.raw`(${NAME}|[Hh]e|[Ss]he|[Tt]hey)(?:,[^,“"]{1,80},)?\s+(?:${VERBS})(?:\s+[^“".;]{0,60}?)?\s*(?:that|:|,)?\s*$`,
  'u',
);
const ACCORDING = new RegExp(String.raw`according to (${NAME})\s*$`, 'u');

/** The name without the titles before it ("Secretary of State Antony Blinken" -> "Antony Blinken"). */
export function cleanName(raw: string): string {
  const words = raw.replace(/[’']s$/, '').split(/\s+/);
  // "… in a statement Wednesday": a day is not part of the name.
  while (words.length > 1 && DAYS.test(words[words.length - 1]!)) words.pop();
  // Everything up to the last title word is the title ("Iranian Foreign Minister Hossein Amir-Abdollahian").
  const isTitle = (w: string) => TITLES.has(w.toLowerCase().replace(/\.$/, '')) && !/^(of|the|a|an)$/i.test(w);
  let last = -1;
  for (let i = 0; i < words.length - 1; i++) if (isTitle(words[i]!)) last = i;
  if (last >= 0) words.splice(0, last + 1);
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) words.shift();
  while (words.length > 1 && /^(of|de|van|von)$/i.test(words[0]!)) words.shift();
  return words.join(' ').replace(/[.,]$/, '');
}

function isPronoun(s: string): boolean {
  return PRONOUNS.has(s.toLowerCase());
}

/** A capitalised run that is not a sentence's first word taken alone ("The", "But"). */
function plausibleName(s: string): boolean {
  const n = cleanName(s);
  if (!n) return false;
  if (NOT_SPEAKERS.test(n)) return false;
  const first = n.split(/\s+/)[0]!.toLowerCase();
  return !['the', 'but', 'and', 'it', 'this', 'that', 'in', 'on', 'as', 'a', 'an', 'if', 'when', 'there'].includes(
    first,
  );
}

/** The last person-like name in a stretch of text (for pronouns). */
function lastName(text: string): string {
  const re = new RegExp(String.raw`(?:^|[^.!?]\s)(${NAME})`, 'gu');
  let found = '';
  for (const m of text.matchAll(re)) {
    const n = cleanName(m[1]!);
    if (NOT_SPEAKERS.test(n)) continue;
    if (n.split(/\s+/).length >= 2 || /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s/.test(m[1]!)) found = n;
  }
  return found;
}

/** Quoted spans of one paragraph: [openIndex, closeIndex) of the words inside, by curly or straight quotes. */
function quotedSpans(para: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < para.length; i++) {
    const c = para[i]!;
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i + 1;
    } else if ((c === '”' || c === '"') && open >= 0) {
      out.push([open, i]);
      open = -1;
    }
  }
  // A quote left open at a paragraph's end continues in the next paragraph (news convention).
  if (open >= 0) out.push([open, para.length]);
  return out;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** Every quoted statement of at least `minWords` words, with its speaker where a rule finds one. */
export function extractQuotes(text: string, minWords = 3): Quote[] {
  const out: Quote[] = [];
  let offset = 0;
  let lastSpeaker = '';
  let lastNamed = '';
  for (const para of text.split('\n\n')) {
    const spans = quotedSpans(para);
    let paraSpeaker = '';
    const pending: Quote[] = [];
    for (const [s, e] of spans) {
      const inner = para.slice(s, e);
      if ((inner.match(WORDS)?.length ?? 0) < minWords) continue;
      const closeAt = e < para.length ? e + 1 : e;
      const after = para.slice(closeAt, closeAt + 120);
      const sentenceStart = Math.max(0, para.lastIndexOf('. ', s - 2) + 1, para.lastIndexOf('” ', s - 2) + 1);
      const before = para.slice(sentenceStart, Math.max(sentenceStart, s - 1));
      let speaker = '';
      const m1 = AFTER_VERB_NAME.exec(after);
      const m2 = AFTER_NAME_VERB.exec(after);
      const m3 = BEFORE.exec(before);
      const m4 = ACCORDING.exec(before);
      const pick = (raw: string | undefined): string => {
        if (!raw) return '';
        if (isPronoun(raw)) return lastNamed || lastSpeaker;
        return plausibleName(raw) ? cleanName(raw) : '';
      };
      speaker = pick(m2?.[1]) || pick(m1?.[1]) || pick(m3?.[1]) || pick(m4?.[1]);
      // The quote's own words: without the spaces and the comma before the closing mark ("…appalling,").
      const lead = inner.length - inner.trimStart().length;
      const text = inner.trim().replace(/[\s,;:]+$/, '');
      const q: Quote = { start: offset + s + lead, end: offset + s + lead + text.length, text, speaker };
      pending.push(q);
      if (speaker) paraSpeaker = speaker;
    }
    // Quotes of a paragraph with one attribution share it; a paragraph opening with an unattributed
    // quote continues the last speaker.
    const opensWithQuote = /^\s*["“]/.test(para);
    for (const q of pending) {
      if (!q.speaker) q.speaker = paraSpeaker || (opensWithQuote ? lastSpeaker : '');
      out.push(q);
    }
    if (paraSpeaker) lastSpeaker = paraSpeaker;
    const named = lastName(para.replace(/["“][^"”]*["”]/g, ' '));
    if (named) lastNamed = named;
    if (paraSpeaker && !isPronoun(paraSpeaker))
      lastNamed = paraSpeaker.split(/\s+/).length >= 2 ? paraSpeaker : lastNamed || paraSpeaker;
    offset += para.length + 2;
  }
  return out;
}

/** True when a found speaker names the annotated one ("Blinken" for "Antony_Blinken", "Trump" for "Donald_Trump"). */
export function sameSpeaker(found: string, gold: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/_/g, ' ')
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 1);
  const f = norm(found);
  const g = norm(gold);
  if (!f.length || !g.length) return false;
  return f.some((w) => g.includes(w) && !['the', 'house', 'senate'].includes(w)) || f.join(' ') === g.join(' ');
}
