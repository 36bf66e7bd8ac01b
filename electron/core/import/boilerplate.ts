// Recognises outlet boilerplate mixed into article text: donation appeals,
// newsletter prompts, promotions ("Read more", live-blog teasers), share bars,
// copyright lines and photo captions. The rules look for the SHAPE of these blocks
// (imperatives addressed to the reader, the outlet speaking as "we", links to
// elsewhere) rather than any one outlet's wording, so they carry across outlets;
// a block needs two independent signals (or one unmistakable one) before it goes.

export type BoilerplateKind =
  | 'donation appeal'
  | 'newsletter prompt'
  | 'promotion'
  | 'share buttons'
  | 'copyright notice'
  | 'photo caption'
  | 'photo credit'
  | 'image label'
  | 'gallery counter';

interface Signal {
  kind: BoilerplateKind;
  re: RegExp;
  /** 2 = unmistakable on its own; 1 = needs a second signal. */
  weight: 1 | 2;
}

const SIGNALS: Signal[] = [
  // Donation appeals: the outlet asks the reader for money.
  {
    kind: 'donation appeal',
    re: /\b(?:please|kindly) (?:support|donate|give|contribute|consider (?:supporting|donating|a contribution))\b/i,
    weight: 2,
  },
  { kind: 'donation appeal', re: /\bsupport (?:us|our (?:work|journalism|reporting|newsroom|mission))\b/i, weight: 2 },
  {
    kind: 'donation appeal',
    re: /\bsupport (?:independent|quality|free|public[- ]interest) (?:journalism|media|press|reporting)\b/i,
    weight: 2,
  },
  { kind: 'donation appeal', re: /\bnot ready to (?:support|donate|give|contribute)\b/i, weight: 2 },
  { kind: 'donation appeal', re: /\bremind me later\b/i, weight: 2 },
  { kind: 'donation appeal', re: /\bwe need your (?:help|support)\b/i, weight: 2 },
  { kind: 'donation appeal', re: /\bbecome a (?:member|supporter|patron|donor|subscriber)\b/i, weight: 2 },
  { kind: 'donation appeal', re: /\b(?:starting|from) (?:from |at )?(?:just |only )?[$€£]\s?\d/i, weight: 1 },
  { kind: 'donation appeal', re: /\b(?:every|any|each) (?:contribution|donation|gift)\b/i, weight: 1 },
  { kind: 'donation appeal', re: /\bpayment methods?\b/i, weight: 2 },
  { kind: 'donation appeal', re: /^\s*dear (?:readers?|friends|supporters|subscribers)\b/i, weight: 2 },
  { kind: 'donation appeal', re: /^\s*[Ss]upport (?:[Tt]he )?\p{Lu}[^\n]{0,60}!\s*$/u, weight: 2 },
  {
    kind: 'donation appeal',
    re: /^\s*[Aa] (?:[Mm]essage|[Nn]ote|[Ww]ord) [Ff]rom (?:[Tt]he )?\p{Lu}[^\n]{0,60}:?\s*$/u,
    weight: 2,
  },
  { kind: 'donation appeal', re: /\bdonat(?:e|es|ion|ions|ing)\b/i, weight: 1 },
  { kind: 'donation appeal', re: /\byour (?:support|contribution|donation|generosity)\b/i, weight: 1 },
  { kind: 'donation appeal', re: /\b(?:independent|open|free) journalism\b/i, weight: 1 },
  { kind: 'donation appeal', re: /\bthank you for (?:standing with|supporting|your support|reading)\b/i, weight: 1 },
  {
    kind: 'donation appeal',
    re: /\b(?:monthly|annual|one-time|recurring) (?:support|contribution|donation|gift)\b/i,
    weight: 1,
  },
  // Newsletter and subscription prompts.
  { kind: 'newsletter prompt', re: /\bsign up (?:for|to) (?:our|my)\b/i, weight: 2 },
  {
    kind: 'newsletter prompt',
    re: /\bsign up (?:for|to) (?:(?:the|a|free)\s+)*(?:newsletters?|e-?mails?|alerts|updates|briefings?)\b/i,
    weight: 2,
  },
  {
    kind: 'newsletter prompt',
    re: /\bour (?:free )?(?:(?:weekly|daily|morning|evening|monthly) )?newsletters?\b/i,
    weight: 2,
  },
  { kind: 'newsletter prompt', re: /\bsubscribers? agree\b/i, weight: 2 },
  { kind: 'newsletter prompt', re: /\b(?:inbox|mailbox) every\b/i, weight: 2 },
  { kind: 'newsletter prompt', re: /\b(?:enter|your) e-?mail(?: address)?\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bnewsletters?\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bsign up\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bsubscribe\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bprivacy policy\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bnever miss\b/i, weight: 1 },
  { kind: 'newsletter prompt', re: /\bunsubscribe\b/i, weight: 1 },
  // Promotions: pointers to other content.
  {
    kind: 'promotion',
    re: /^\s*(?:read more|read next|read also|also read|more on this(?: story)?|related(?: stories| articles| content| coverage| links)?|see also|recommended|most read|more from \S+|advertisement|sponsored|continue reading)\s*[:.]?\s*$/i,
    weight: 2,
  },
  {
    kind: 'promotion',
    re: /^\s*(?:read more|read also|also read|related|see also|watch|listen|video)\s*:\s*\S/i,
    weight: 2,
  },
  { kind: 'promotion', re: /\bclick here\b/i, weight: 2 },
  { kind: 'promotion', re: /\bfollow (?:our|the) live\b/i, weight: 2 },
  { kind: 'promotion', re: /\bfor (?:all|more) of [^.\n]{1,40}\bcoverage\b/i, weight: 2 },
  { kind: 'promotion', re: /\bdownload (?:our|the) (?:free )?app\b/i, weight: 2 },
  { kind: 'promotion', re: /\blive (?:briefing|blog|updates|coverage)\b/i, weight: 1 },
  { kind: 'promotion', re: /\bgives? you the latest\b/i, weight: 1 },
  // Share bars.
  {
    kind: 'share buttons',
    re: /^\s*(?:share(?: this(?: article| story| page)?)?|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|vk)(?:[\s|·•,/]+(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|vk))*\s*$/i,
    weight: 2,
  },
  // Copyright lines.
  { kind: 'copyright notice', re: /^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b[^\n]{0,120}$/i, weight: 2 },
  { kind: 'copyright notice', re: /\ball rights reserved\b/i, weight: 2 },
  // Photo captions: an explicit credit ("Photo: ...", "(Getty Images)") or a
  // sentence followed by an agency credit in capitals (". TASS", ". AP Photo/...").
  {
    kind: 'photo caption',
    re: /^\s*(?:photo|image|picture|illustration|file photo)\s*(?::|by\b|credit\b)/i,
    weight: 2,
  },
  { kind: 'photo caption', re: /\((?:photo|image|picture)[^)]{0,80}\)\s*$/i, weight: 2 },
  {
    kind: 'photo caption',
    re: /[.)]\s*(?:\p{Lu}[\p{L}.-]*\s*\/\s*)?(?:\p{Lu}{2,}(?:\s\p{Lu}{2,})?|Getty Images|Reuters|Shutterstock|Photo)(?:\s*(?:\/|via)\s*[\p{L} .-]{1,40})?\s*$/u,
    weight: 2,
  },
];

/** Long blocks are mostly reporting: they need more evidence before removal. */
function threshold(text: string): number {
  return text.length > 350 ? 3 : 2;
}

export interface BlockScore {
  kind: BoilerplateKind | null;
  /** Score of the strongest kind (0 when nothing matched). */
  score: number;
}

/** The signals a block matches (for tests and for tuning against clean corpora). */
export function matchedSignals(text: string): string[] {
  return SIGNALS.filter((s) => s.re.test(text)).map((s) => `${s.kind}: ${s.re.source.slice(0, 50)}`);
}

export function scoreBlock(text: string): BlockScore {
  const scores = new Map<BoilerplateKind, number>();
  for (const s of SIGNALS) {
    // Captions with a credit are short: a long paragraph ending in an acronym is reporting.
    if (s.kind === 'photo caption' && text.length > 350) continue;
    if (s.re.test(text)) scores.set(s.kind, (scores.get(s.kind) ?? 0) + s.weight);
  }
  let kind: BoilerplateKind | null = null;
  let score = 0;
  for (const [k, v] of scores) if (v > score) [kind, score] = [k, v];
  return { kind, score };
}

/** The kind of boilerplate this block is, or null when it reads as content. */
export function classifyBlock(text: string): BoilerplateKind | null {
  const s = scoreBlock(text);
  return s.kind && s.score >= threshold(text) ? s.kind : null;
}

// Verbs of what a photo shows, in the present tense that caption style uses for
// past events ("X speaks during ...", "A man falls ... on October 17"). Only forms
// that cannot be read as plural nouns ("talks", "fires" are excluded).
const CAPTION_VERBS =
  /\b(?:speaks|attends|arrives|walks|looks on|stands|gestures|holds|listens|waits|falls|sits|poses|leaves|shakes hands|greets|delivers|smiles|inspects|reacts|prays|mourns|watches|rides|carries|is seen|are seen|lays|flies|gathers|weeps|cries|embraces|hugs|waves|salutes|addresses)\b/;
const DATE_MENTION =
  /\b(?:on (?:\p{Lu}\p{Ll}+ \d{1,2}|\d{1,2} \p{Lu}\p{Ll}+)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}|in \d{4})\b/u;
// Reporting (quotes, attribution) and verb forms a bare present-tense caption lacks:
// auxiliaries, modals and past tenses belong to sentences of reporting.
const NOT_CAPTION =
  /\b(?:said|says|told|tells|according to|announced|reported|added|is|are|was|were|will|would|could|can|may|might|has|have|had|be|been|should|must|expected|[a-z]+ed)\b|["“”]/;

/**
 * A photo caption pasted right under the headline: its first sentence shows someone
 * doing something in the bare present tense at a past date, without anyone being
 * quoted. Only meaningful at the top of an article, where copied captions sit.
 */
export function looksLikeLeadCaption(text: string): boolean {
  if (text.length > 400) return false;
  const first = (text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? text).replace(/\b(?:is|are) seen\b/g, 'seen-now');
  const verb = first.match(CAPTION_VERBS) ?? first.match(/\bseen-now\b/);
  if (!verb || verb.index === undefined) return false;
  // The verb follows its subject closely: "A man falls", "Secretary of State X speaks".
  if (first.slice(0, verb.index).split(/\s+/).length > 10) return false;
  return DATE_MENTION.test(first) && !NOT_CAPTION.test(first);
}

const FIRST_PERSON_PLURAL = /\b(?:we|our|us|we're|we've)\b/i;

export interface BlockDecision {
  text: string;
  reason: BoilerplateKind | null;
}

/**
 * Classifies a run of blocks, then widens appeals to their whole extent: an appeal
 * runs over several paragraphs in the outlet's own voice ("we", "our work") between
 * its salutation and its ask, and a short heading that introduces a boilerplate block
 * ("Live Briefing: ...") goes with it.
 */
export function classifyBlocks(texts: string[]): BlockDecision[] {
  const scores = texts.map(scoreBlock);
  const out: BlockDecision[] = texts.map((text, i) => {
    const s = scores[i]!;
    return { text, reason: s.kind && s.score >= threshold(text) ? s.kind : null };
  });
  // Fill: blocks in the outlet's voice between two blocks of the same appeal.
  const WINDOW = 5;
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!.reason;
    if (a !== 'donation appeal' && a !== 'newsletter prompt') continue;
    for (let j = i + 2; j <= Math.min(out.length - 1, i + WINDOW); j++) {
      if (out[j]!.reason !== a) continue;
      const between = out.slice(i + 1, j);
      if (
        between.every((b) => b.reason === a || b.reason === null) &&
        between.every((b) => b.reason === a || FIRST_PERSON_PLURAL.test(b.text))
      ) {
        for (const b of between) b.reason = a;
      }
      break;
    }
  }
  // Headings that introduce boilerplate: short, unpunctuated, already hinting at it.
  for (let i = 0; i + 1 < out.length; i++) {
    const b = out[i]!;
    const next = out[i + 1]!;
    if (b.reason || !next.reason) continue;
    if (b.text.length <= 100 && !/[.,;]\s*$/.test(b.text) && scores[i]!.kind === next.reason && scores[i]!.score >= 1) {
      b.reason = next.reason;
    }
  }
  return out;
}

// Leftovers of pictures and widgets that a page's markup leaves between paragraphs:
// a lone "Image" or "Photo" where a picture stood, a credit line, a gallery's "1 / 5",
// a bracketed newsletter plug. Each is a whole block, never part of a sentence.
const IMAGE_LABEL = /^(?:image|photo|photograph|picture|video|graphic|illustration|gallery|slideshow)$/i;
const GALLERY_COUNTER = /^(\d{1,3}) (?:\/|of) (\d{1,3})$/;
const AGENCY =
  /\b(?:AFP|AP(?: Photo)?|Getty(?: Images)?|Reuters|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg|Xinhua|TASS|Sputnik|NurPhoto|SOPA Images|Anadolu(?: Agency)?|ZUMA(?: Press| Wire)?|Pool|Sipa|dpa|picture alliance|Redux|Polaris)\b/;
const CREDIT_LINE =
  /^(?:\(?(?:photo|image|picture|credit|photograph)s?(?: credit)?[:]?\s*(?:by\s+)?)?[\p{L}.' -]{0,60}(?:\/[\p{L}.' -]{1,40}){0,3}\)?$/u;
const BRACKETED_INBOX = /^\[[^\]]{0,200}\b(?:in|to) your inbox\b[^\]]{0,100}\]$/i;

/**
 * Why a block of an HTML/Markdown page is a leftover rather than text (or null).
 * Table cells and code are data, never leftovers.
 */
export function leftoverReason(text: string, kind?: string): BoilerplateKind | null {
  if (kind === 'cell' || kind === 'code') return null;
  const t = text.trim();
  if (kind !== 'heading' && IMAGE_LABEL.test(t)) return 'image label';
  const g = GALLERY_COUNTER.exec(t);
  if (g && Number(g[1]) >= 1 && Number(g[1]) <= Number(g[2])) return 'gallery counter';
  if (BRACKETED_INBOX.test(t)) return 'newsletter prompt';
  // "JIM WATSON/AFP/Getty Images", "Photo: Reuters": short, names an agency, no sentence in it.
  // A name, then agencies: "Benoit Tessier/Reuters", not "The cabaret in Paris Benoit Tessier/Reuters".
  const name = t.split('/')[0]!.replace(/^\(?(?:photo|image|picture|credit)s?:?\s*(?:by\s+)?/i, '');
  const creditShaped =
    (t.includes('/') || /^\(?(?:photo|image|picture|credit)/i.test(t) || t.split(/\s+/).length <= 3) &&
    name.split(/\s+/).length <= 4;
  if (t.length <= 80 && AGENCY.test(t) && CREDIT_LINE.test(t) && creditShaped) return 'photo credit';
  return null;
}
