// npm run eval:anchoring: the core's text anchoring against upstream fixtures
// (../shared/datasets/anchoring/) and a realistic re-anchoring load (BASIL
// passages in mutated article texts). Prints a pass rate per family.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  anchor,
  approximateMatches,
  describeSelection,
  type AnchorSelectors,
} from '../electron/core/anchor/anchoring.js';
import {
  bodyOf,
  containerFor,
  offsetToXPathPoint,
  pointToOffset,
  resolveContainer,
  xpathPointToOffset,
} from './dom-text.js';
import { reanchorPassages } from '../electron/core/anchor/reanchor.js';
import type { Passage } from '../electron/core/model.js';
import { mutate, type Span } from './mutate.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATASETS = resolve(here, '../../shared/datasets');
const ANCHORING = join(DATASETS, 'anchoring');

type Kind = 'exact' | 'position' | 'fuzzy';
interface CaseResult {
  family: string;
  kind: Kind;
  name: string;
  ok: boolean;
  detail?: string;
}
const results: CaseResult[] = [];
const verbose = process.argv.includes('--verbose');

function record(family: string, kind: Kind, name: string, ok: boolean, detail?: string): void {
  results.push({ family, kind, name, ok, detail });
  if (!ok || verbose)
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} [${family}/${kind}] ${name}${detail ? ` (${detail})` : ''}`);
}

const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

// ---------------------------------------------------------------- hypothesis match-quote
interface MatchQuoteFile {
  texts: Record<string, string>;
  exactAndApproximate: {
    text?: string;
    textLiteral?: string;
    quote: string;
    context?: { prefix?: string; suffix?: string };
    expect: null | { matchText: string; score?: number; scoreBetween?: [number, number] };
  }[];
  scoreOrdering: { text: string; quote?: string; vary: 'quote' | 'prefix' | 'suffix'; values: string[] }[];
  contextDisambiguation: {
    text: string;
    quote: string;
    prefix?: string;
    suffix?: string;
    expectedStart: number;
    expectedEnd: number;
  }[];
  hintTieBreak: { text: string; quote: string; hint?: number; expectedStart: number }[];
}

function hypothesisMatchQuote(): void {
  const fam = 'hypothesis match-quote';
  const f = readJson<MatchQuoteFile>(join(ANCHORING, 'hypothesis-client/match-quote-cases.json'));
  for (const c of f.exactAndApproximate) {
    const text = c.textLiteral ?? f.texts[c.text!]!;
    const r = anchor(text, { quote: { exact: c.quote, ...c.context } });
    const got = r ? text.slice(r.start, r.end) : null;
    const name = `"${c.quote.slice(0, 40)}"${c.context ? ' with context' : ''}`;
    if (c.expect === null) {
      record(
        fam,
        c.quote.length > 0 && text.length > 0 ? 'fuzzy' : 'exact',
        `${name} -> no match`,
        r === null,
        got ?? '',
      );
      continue;
    }
    const exp = c.expect;
    let ok = got === exp.matchText;
    if (ok && exp.score !== undefined) ok = Math.abs(r!.score - exp.score) < 1e-9;
    if (ok && exp.scoreBetween) ok = r!.score > exp.scoreBetween[0] && r!.score < exp.scoreBetween[1];
    record(
      fam,
      exp.matchText === c.quote ? 'exact' : 'fuzzy',
      name,
      ok,
      `got ${JSON.stringify(got)} score ${r?.score.toFixed(3)}`,
    );
  }
  for (const c of f.scoreOrdering) {
    const text = f.texts[c.text]!;
    const scores = c.values.map((v) => {
      const sel: AnchorSelectors =
        c.vary === 'quote' ? { quote: { exact: v } } : { quote: { exact: c.quote!, [c.vary]: v } };
      return anchor(text, sel)?.score ?? 0;
    });
    const ok = scores.every((s, i) => i === 0 || s < scores[i - 1]!);
    record(fam, 'fuzzy', `scores fall as the ${c.vary} drifts`, ok, scores.map((s) => s.toFixed(3)).join(' > '));
  }
  for (const c of f.contextDisambiguation) {
    const text = f.texts[c.text]!;
    const r = anchor(text, { quote: { exact: c.quote, prefix: c.prefix, suffix: c.suffix } });
    const ctxExact =
      (c.prefix ? text.includes(`${c.prefix} ${c.quote}`) : true) &&
      (c.suffix ? text.includes(`${c.quote} ${c.suffix}`) : true);
    record(
      fam,
      ctxExact ? 'exact' : 'fuzzy',
      `"${c.quote}" by ${c.prefix ? `prefix "${c.prefix}"` : `suffix "${c.suffix}"`}`,
      r?.start === c.expectedStart && r?.end === c.expectedEnd,
      `got ${r?.start}..${r?.end}`,
    );
  }
  for (const c of f.hintTieBreak) {
    const text = f.texts[c.text]!;
    const r = anchor(text, { quote: { exact: c.quote } }, { hint: c.hint });
    record(fam, 'position', `"${c.quote}" hint ${c.hint ?? 'none'}`, r?.start === c.expectedStart, `got ${r?.start}`);
  }
}

// ---------------------------------------------------------------- dom-anchor-text-quote
interface DomAnchorFile {
  fromRange: { expected: { exact: string; prefix: string; suffix: string } }[];
  toRange: {
    selector: { exact: string; prefix?: string; suffix?: string };
    expectedText?: string | null;
    expectedParentTag?: string;
    options?: { hint: string };
    compareWith?: { options: { hint: string } };
    desc: string;
  }[];
}

function domAnchorTextQuote(): void {
  const fam = 'dom-anchor-text-quote';
  const dir = join(ANCHORING, 'dom-anchor-text-quote');
  const f = readJson<DomAnchorFile>(join(dir, 'cases.json'));
  const root = containerFor(readFileSync(join(dir, 'test.html'), 'utf8'));
  const text: string = root.textContent;
  const code = root.querySelector('code');
  for (const c of f.fromRange) {
    const start = pointToOffset(root, code, 0);
    const end = pointToOffset(root, code, code.childNodes.length);
    const q = describeSelection(text, start, end).quote;
    const ok = q.exact === c.expected.exact && q.prefix === c.expected.prefix && q.suffix === c.expected.suffix;
    record(fam, 'exact', 'describe <code> with 32 characters of context', ok, JSON.stringify(q));
  }
  const hintOf = (h: string): number => {
    const m = /^(indexOf|lastIndexOf)\("(.*)"\)$/.exec(h)!;
    return m[1] === 'indexOf' ? text.indexOf(m[2]!) : text.lastIndexOf(m[2]!);
  };
  for (const c of f.toRange) {
    const r = anchor(text, { quote: c.selector }, c.options ? { hint: hintOf(c.options.hint) } : {});
    const got = r ? text.slice(r.start, r.end) : null;
    if (c.compareWith) {
      const r2 = anchor(text, { quote: c.selector }, { hint: hintOf(c.compareWith.options.hint) });
      record(fam, 'position', c.desc, !!r && !!r2 && r.start !== r2.start, `${r?.start} vs ${r2?.start}`);
      continue;
    }
    let ok = got === (c.expectedText ?? null);
    if (ok && r && c.expectedParentTag) {
      // The character must lie inside the expected element (the <a> of "Donec non enim").
      const a = root.querySelector(c.expectedParentTag.toLowerCase());
      const aStart = pointToOffset(root, a, 0);
      ok = r.start >= aStart && r.end <= aStart + a.textContent.length;
    }
    // Expected failures and approximate quotes are the fuzzy part; the rest must all pass.
    const kind: Kind = c.expectedText === null || c.selector.exact !== c.expectedText ? 'fuzzy' : 'exact';
    record(fam, kind, c.desc, ok, `got ${JSON.stringify(got)}`);
  }
}

// ---------------------------------------------------------------- approx-string-match
interface ApproxFile {
  fixtures: Record<
    string,
    { text: string; pattern: string; matches: { start: number; end: number; errors: number }[] }[]
  >;
  extra: {
    text: string;
    pattern: string;
    maxErrors: number;
    expected?: { start: number; end: number; errors: number }[];
    expectedCount?: number;
    expectAllMatchText?: string;
    note?: string;
  }[];
}

function approxStringMatch(): void {
  const fam = 'approx-string-match';
  const f = readJson<ApproxFile>(join(ANCHORING, 'approx-string-match/cases.json'));
  const same = (a: { start: number; end: number; errors: number }, b: typeof a): boolean =>
    a.start === b.start && a.end === b.end && a.errors === b.errors;
  for (const [group, cases] of Object.entries(f.fixtures)) {
    for (const c of cases) {
      const got = approximateMatches(c.text, c.pattern, c.pattern.length);
      const minErr = Math.min(...got.map((m) => m.errors));
      const best = got.filter((m) => m.errors === minErr);
      // Every expected match found, and nothing found that is not expected.
      const ok = best.length > 0 && best.every((m) => c.matches.some((e) => same(m, e)));
      const kind: Kind = c.matches.every((m) => m.errors === 0) ? 'exact' : 'fuzzy';
      record(fam, kind, `${group}: "${c.pattern}" in "${c.text.slice(0, 30)}"`, ok, JSON.stringify(best));
    }
  }
  for (const c of f.extra) {
    const got = approximateMatches(c.text, c.pattern, c.maxErrors);
    let ok: boolean;
    if (c.expected) ok = got.length === c.expected.length && got.every((m, i) => same(m, c.expected![i]!));
    else if (c.expectedCount !== undefined) ok = got.length === c.expectedCount;
    else ok = got.length > 0 && got.every((m) => c.text.slice(m.start, m.end) === c.expectAllMatchText);
    const kind: Kind = c.maxErrors === 0 ? 'exact' : 'fuzzy';
    record(
      fam,
      kind,
      `extra: "${c.pattern.slice(0, 30)}" maxErrors ${c.maxErrors}${c.note ? ` (${c.note})` : ''}`,
      ok,
      JSON.stringify(got).slice(0, 120),
    );
  }
}

// ---------------------------------------------------------------- hypothesis html anchoring
interface RangeCasesFile {
  cases: {
    range: { startContainer: string | number; startOffset: number; endContainer: string | number; endOffset: number };
    quote: string;
    description: string;
  }[];
}

function hypothesisHtmlRanges(): void {
  const fam = 'hypothesis html ranges';
  const dir = join(ANCHORING, 'hypothesis-client');
  const f = readJson<RangeCasesFile>(join(dir, 'html-anchoring-range-cases.json'));
  const html = readFileSync(join(dir, 'html-anchoring-fixture.html'), 'utf8');
  for (const c of f.cases) {
    const root = containerFor(html);
    const text: string = root.textContent;
    const start = pointToOffset(root, resolveContainer(root, c.range.startContainer), c.range.startOffset);
    const end = pointToOffset(root, resolveContainer(root, c.range.endContainer), c.range.endOffset);
    const sel = describeSelection(text, start, end);
    const viaPosition = anchor(text, { position: sel.position });
    const viaQuote = anchor(text, { quote: sel.quote });
    const s = offsetToXPathPoint(root, start, 'start');
    const e = offsetToXPathPoint(root, end, 'end');
    const viaRange = [xpathPointToOffset(root, s.xpath, s.offset), xpathPointToOffset(root, e.xpath, e.offset)];
    const slice = (r: { start: number; end: number } | null): string | null => (r ? text.slice(r.start, r.end) : null);
    const checks = {
      range: text.slice(start, end) === c.quote,
      position: slice(viaPosition) === c.quote,
      quote: slice(viaQuote) === c.quote,
      rangeSelector: text.slice(viaRange[0], viaRange[1]) === c.quote,
    };
    const failed = Object.entries(checks)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    record(
      fam,
      'position',
      c.description,
      failed.length === 0,
      failed.length ? `failed: ${failed.join(', ')}` : undefined,
    );
  }
}

interface BaselineSelector {
  type: string;
  [k: string]: unknown;
}

function hypothesisBaselines(): void {
  const fam = 'hypothesis html baselines';
  const dir = join(ANCHORING, 'hypothesis-client/html-baselines');
  for (const name of ['minimal', 'wikipedia-regression-testing']) {
    const html = readFileSync(join(dir, `${name}.html`), 'utf8');
    // A saved page is anchored against its body (as Hypothesis annotated it).
    const root = /<html/i.test(html) ? bodyOf(html) : containerFor(html);
    const text: string = root.textContent;
    const rows = readJson<{ rows: { target: { selector: BaselineSelector[] }[] }[] }>(join(dir, `${name}.json`)).rows;
    rows.forEach((row, i) => {
      const sels = row.target[0]!.selector;
      const q = sels.find((s) => s.type === 'TextQuoteSelector') as unknown as {
        exact: string;
        prefix: string;
        suffix: string;
      };
      const p = sels.find((s) => s.type === 'TextPositionSelector') as unknown as { start: number; end: number };
      const rs = sels.find((s) => s.type === 'RangeSelector') as unknown as Record<string, string | number>;
      const r = anchor(text, { quote: q, position: p });
      if (!r) {
        record(fam, 'exact', `${name} #${i + 1}: anchors`, false, 'not found');
        return;
      }
      const d = describeSelection(text, r.start, r.end);
      record(
        fam,
        'exact',
        `${name} #${i + 1}: TextQuoteSelector reproduced`,
        d.quote.exact === q.exact && d.quote.prefix === q.prefix && d.quote.suffix === q.suffix,
        JSON.stringify(d.quote).slice(0, 100),
      );
      const s = offsetToXPathPoint(root, r.start, 'start');
      const e = offsetToXPathPoint(root, r.end, 'end');
      record(
        fam,
        'exact',
        `${name} #${i + 1}: RangeSelector reproduced`,
        s.xpath === rs.startContainer &&
          s.offset === rs.startOffset &&
          e.xpath === rs.endContainer &&
          e.offset === rs.endOffset,
        `${s.xpath}:${s.offset}..${e.xpath}:${e.offset}`,
      );
      // The saved page's text is not byte-for-byte the live page the annotation was made on; the
      // position is reported against this text (anchoring falls back to the quote when it disagrees).
      const posSame = d.position.start === p.start && d.position.end === p.end;
      if (!posSame)
        console.log(
          `  note [${fam}] ${name} #${i + 1}: position ${p.start}..${p.end} in the live page is ${r.start}..${r.end} in the saved page (found by quote)`,
        );
    });
  }
}

// ---------------------------------------------------------------- BASIL re-anchoring load
interface BasilArticle {
  id: string;
  text: string;
}
interface BasilAnnotation {
  article_id: string;
  text_start: number | null;
  text_end: number | null;
  exact: string;
}

function basil(editsPerArticle: number): void {
  const dir = join(DATASETS, 'news/basil');
  const articles = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as BasilArticle;
    articles.set(a.id, a.text);
  }
  const byArticle = new Map<string, Span[]>();
  let total = 0;
  let skipped = 0;
  for (const line of readFileSync(join(dir, 'annotations.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as BasilAnnotation;
    total++;
    const text = articles.get(a.article_id);
    // Title annotations carry no offset into the body text.
    if (a.text_start === null || a.text_end === null || !text || text.slice(a.text_start, a.text_end) !== a.exact) {
      skipped++;
      continue;
    }
    const list = byArticle.get(a.article_id) ?? [];
    list.push({ start: a.text_start, end: a.text_end });
    byArticle.set(a.article_id, list);
  }
  let n = 0;
  let correct = 0;
  let overlapOk = 0;
  let orphanExpected = 0;
  let orphanRight = 0;
  const states = { anchored: 0, fuzzy: 0, orphan: 0 };
  const wrongExamples: string[] = [];
  let seed = 1;
  const t0 = performance.now();
  for (const [id, spans] of [...byArticle.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const text = articles.get(id)!;
    const m = mutate(text, spans, seed++, editsPerArticle);
    // Through the same path as the app's editArticleText: describe, then re-anchor the whole article.
    const before: Passage[] = spans.map((span, i) => {
      const sel = describeSelection(text, span.start, span.end);
      return {
        id: `p${i}`,
        articleId: id,
        ...sel,
        state: 'anchored',
        color: '',
        tags: [],
        createdAt: '',
        updatedAt: '',
      };
    });
    const after = reanchorPassages(before, text, m.text, '').passages;
    spans.forEach((_span, i) => {
      n++;
      const sel = before[i]!;
      const placed = after[i]!;
      const r = placed.state === 'orphan' ? null : { start: placed.position.start, end: placed.position.end };
      const truth = m.truths[i]!;
      states[placed.state]++;
      if (truth === null) {
        orphanExpected++;
        if (!r) {
          orphanRight++;
          correct++;
          overlapOk++;
        } else if (wrongExamples.length < 8)
          wrongExamples.push(`${id}: expected orphan, placed "${m.text.slice(r.start, r.end).slice(0, 60)}"`);
        return;
      }
      if (r && r.start === truth.start && r.end === truth.end) correct++;
      const inter = r ? Math.max(0, Math.min(r.end, truth.end) - Math.max(r.start, truth.start)) : 0;
      const union = r ? Math.max(r.end, truth.end) - Math.min(r.start, truth.start) : 1;
      if (r && inter / union >= 0.9) {
        overlapOk++;
        if (!(r.start === truth.start && r.end === truth.end) && wrongExamples.length < 8)
          wrongExamples.push(
            `off by a few characters: ${id} ${r.start}..${r.end}, expected ${truth.start}..${truth.end}`,
          );
      } else if (wrongExamples.length < 8) {
        wrongExamples.push(
          `${id}: "${sel.quote.exact.slice(0, 50)}" expected ${truth.start}..${truth.end}, got ${r ? `${r.start}..${r.end} "${m.text.slice(r.start, r.end).slice(0, 50)}"` : 'orphan'}`,
        );
      }
    });
  }
  const ms = performance.now() - t0;
  const pct = (x: number): string => `${((100 * x) / n).toFixed(1)}%`;
  console.log(
    `\nBASIL re-anchoring load, ${editsPerArticle} edits per article: ${n} passages in ${byArticle.size} articles (${skipped} of ${total} annotations skipped: title-only, no body offsets)`,
  );
  console.log(
    `  each article text edited ${editsPerArticle} times (seeded): paragraphs/sentences inserted, a paragraph deleted, typos fixed, a word deleted, whitespace changed`,
  );
  console.log(`  placed exactly right:            ${correct}/${n} = ${pct(correct)}`);
  console.log(`  placed right (>=90% overlap):    ${overlapOk}/${n} = ${pct(overlapOk)}`);
  console.log(`  deleted with their paragraph:    ${orphanExpected}, reported orphan: ${orphanRight}`);
  console.log(
    `  states: anchored ${states.anchored}, fuzzy ${states.fuzzy}, orphan ${states.orphan}; ${(ms / n).toFixed(2)} ms per passage`,
  );
  for (const w of wrongExamples) console.log(`  miss: ${w}`);
}

// ---------------------------------------------------------------- main
function summary(): void {
  console.log('\nPass rate per family:');
  const families = [...new Set(results.map((r) => r.family))];
  for (const fam of families) {
    const rs = results.filter((r) => r.family === fam);
    const byKind = (['exact', 'position', 'fuzzy'] as Kind[])
      .map((k) => {
        const ks = rs.filter((r) => r.kind === k);
        return ks.length ? `${k} ${ks.filter((r) => r.ok).length}/${ks.length}` : '';
      })
      .filter(Boolean)
      .join(', ');
    const ok = rs.filter((r) => r.ok).length;
    console.log(`  ${fam.padEnd(28)} ${ok}/${rs.length} = ${((100 * ok) / rs.length).toFixed(1)}%   (${byKind})`);
  }
  const total = (k: Kind): [number, number] => {
    const ks = results.filter((r) => r.kind === k);
    return [ks.filter((r) => r.ok).length, ks.length];
  };
  const [eo, en] = total('exact');
  const [po, pn] = total('position');
  const [fo, fn] = total('fuzzy');
  console.log(
    `  all exact ${eo}/${en}, all position ${po}/${pn} (target: every one); fuzzy ${fo}/${fn} = ${((100 * fo) / fn).toFixed(1)}% (target >= 95%)`,
  );
  if (eo < en || po < pn || fo < 0.95 * fn) {
    console.log('  TARGET MISSED');
    process.exitCode = 1;
  }
}

function run(): void {
  if (!existsSync(ANCHORING)) {
    console.log(`eval:anchoring skipped: ${ANCHORING} is absent (the shared datasets are not beside this checkout).`);
    return;
  }
  console.log('Anchoring fixtures (failures listed; --verbose lists every case):');
  hypothesisMatchQuote();
  domAnchorTextQuote();
  approxStringMatch();
  hypothesisHtmlRanges();
  hypothesisBaselines();
  summary();
  if (existsSync(join(DATASETS, 'news/basil/annotations.jsonl'))) {
    basil(8);
    basil(24);
  } else console.log('\nBASIL load skipped: ../shared/datasets/news/basil is absent.');
}

run();
