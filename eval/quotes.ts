// Speaker attribution accuracy on BASIL's quote annotations (annotations.jsonl: quote "yes" and a named
// speaker such as Donald_Trump; the anonymous "other_pro/anti/neutral" and groups such as
// "Democratic_lawmakers" are left out, as the article names a person or no one). For each annotated quote, the quote extractQuotes() finds over it (overlapping its
// offsets) and that quote's speaker are compared with the annotation (sameSpeaker: a shared name word).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes, sameSpeaker } from '../electron/core/crossref/quotes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const basilDir = path.resolve(here, '../../shared/datasets/news/basil');

/** Speakers that are groups ("Democratic_lawmakers", "Obama_campaign"): an article names a member, not the group. */
const GROUP =
  /lawmakers|campaign|officials|democrats|republicans|members|committee|party|catholics|administration|department|supporters|^house_|^senate_|^gop/i;

export interface SpeakerScore {
  annotated: number;
  found: number;
  withSpeaker: number;
  correct: number;
}

export function speakerAccuracy(): SpeakerScore | null {
  const arts = path.join(basilDir, 'articles.jsonl');
  const anns = path.join(basilDir, 'annotations.jsonl');
  if (!existsSync(arts) || !existsSync(anns)) {
    console.log(`Quote speakers: skipped, ${basilDir} is absent (../shared/datasets is not checked out here).`);
    return null;
  }
  const texts = new Map<string, string>();
  for (const l of readFileSync(arts, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const r = JSON.parse(l) as { id: string; text: string };
    texts.set(r.id, r.text);
  }
  const quotes = new Map<string, ReturnType<typeof extractQuotes>>();
  const score: SpeakerScore = { annotated: 0, found: 0, withSpeaker: 0, correct: 0 };
  const misses: string[] = [];
  for (const l of readFileSync(anns, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const a = JSON.parse(l) as {
      article_id: string;
      text_start: number;
      text_end: number;
      quote: string;
      speaker: string;
      exact: string;
    };
    if (a.quote !== 'yes' || !a.speaker || a.speaker.startsWith('other_') || GROUP.test(a.speaker)) continue;
    const text = texts.get(a.article_id);
    if (!text) continue;
    score.annotated++;
    let qs = quotes.get(a.article_id);
    if (!qs) quotes.set(a.article_id, (qs = extractQuotes(text, 1)));
    const q = qs.find((x) => x.start < a.text_end && a.text_start < x.end);
    if (!q) continue;
    score.found++;
    if (!q.speaker) continue;
    score.withSpeaker++;
    if (sameSpeaker(q.speaker, a.speaker)) score.correct++;
    else if (misses.length < 12) misses.push(`${a.speaker} ≠ ${q.speaker}: “${q.text.slice(0, 60)}”`);
  }
  const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : 'n/a');
  console.log(`Quote speakers on BASIL (${score.annotated} annotated quotes with a named speaker):`);
  console.log(
    `  quote found over the annotation   ${pct(score.found, score.annotated)} (${score.found}/${score.annotated})`,
  );
  console.log(
    `  a speaker given                   ${pct(score.withSpeaker, score.found)} (${score.withSpeaker}/${score.found})`,
  );
  console.log(
    `  speaker accuracy (when given)     ${pct(score.correct, score.withSpeaker)} (${score.correct}/${score.withSpeaker})`,
  );
  console.log(
    `  speaker accuracy (all annotated)  ${pct(score.correct, score.annotated)} (${score.correct}/${score.annotated})`,
  );
  for (const m of misses) console.log(`  miss: ${m}`);
  return score;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) speakerAccuracy();
