// The convergence scenario: several libraries make random edits (import, highlight, note edits, tags,
// deletions, restores, article text edits) and sync at random moments through one target, some syncs run
// as a separate `scholia sync` process that is SIGKILLed at a phase (after capture, while writing into
// the library, during the upload). At the end every library must hold the same articles, passages,
// notes (text-identical) and tags, and every acknowledged note edit must still be there.
// Used by tests/unit/sync/convergence.test.ts (few rounds) and eval/sync-convergence.ts (many).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../../electron/core/core.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BASIL = path.resolve(ROOT, '..', 'shared', 'datasets', 'news', 'basil', 'articles.jsonl');

export interface ScenarioOptions {
  libraries: number;
  rounds: number;
  seed: number;
  /** A folder path or a WebDAV URL (credentials in env)... */
  target: string;
  /** ...or one per library (each device's folder of a file-sync engine). */
  targets?: string[];
  /** Waits until the engine has delivered everything (file-sync engines); called before the final syncs. */
  settle?: () => Promise<number>;
  /** Share of syncs run as a child process that is killed part way. */
  killRate: number;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  operations: number;
  syncs: number;
  kills: number;
  conflicts: number;
  lost: string[];
  /** Per library, the normalized content (identical when converged). */
  contents: string[];
  counts: { articles: number; passages: number; notes: number; trash: number };
}

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function basilTexts(): string[] {
  return readFileSync(BASIL, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string; paragraphs: string[] })
    .map((a) => [a.title.trim(), ...a.paragraphs.map((p) => p.trim()).filter(Boolean)].join('\n\n'));
}

async function open(dir: string): Promise<Core> {
  return openCore({ libraryDir: dir, mode: 'cli' });
}

/** Runs `scholia sync` as its own process; SIGKILLs it when it reports `killAt` (null: lets it finish). */
function childSync(
  lib: string,
  target: string,
  killAt: string | null,
  env: NodeJS.ProcessEnv,
): Promise<{ killed: boolean; code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    // node itself, not the tsx wrapper: SIGKILL must reach the process that syncs.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/unit/cli-process.ts', '--library', lib, 'sync', '--target', target, '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, SCHOLIA_SYNC_TRACE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (killAt && !killed && err.includes(`sync-phase ${killAt}`)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stdout.resume();
    child.once('error', reject);
    child.once('exit', (code) => resolve({ killed, code, err }));
  });
}

const TAGS = ['ukraine', 'ukraine/drones', 'politics', 'economy', 'to-read', 'method'];

export async function runScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const rand = rng(opts.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const log = opts.log ?? (() => undefined);
  const texts = basilTexts();
  let nextText = 0;
  const base = mkdtempSync(path.join(os.tmpdir(), 'scholia-conv-'));
  const libs = Array.from({ length: opts.libraries }, (_, i) => path.join(base, `lib${i}`));
  /** Every acknowledged note line: token -> note id. Removed again only when a later edit replaced it. */
  const tokens = new Map<string, string>();
  let operations = 0;
  let kills = 0;
  let syncs = 0;
  let tokenNo = 0;

  const edit = async (core: Core, who: number) => {
    const api = core.api;
    const articles = await api.listArticles();
    const notes = await api.listNotes();
    const passages = await api.listPassages();
    const r = rand();
    operations++;
    if (r < 0.15 || articles.length === 0) {
      await api.importPaste({ text: texts[nextText++ % texts.length]! });
    } else if (r < 0.3) {
      const a = pick(articles);
      const detail = await api.getArticle(a.id);
      const len = detail!.text.length;
      const start = Math.floor(rand() * Math.max(1, len - 40));
      await api.addPassage({ articleId: a.id, start, end: Math.min(len, start + 10 + Math.floor(rand() * 30)) });
    } else if (r < 0.6) {
      const tok = `tok-${who}-${tokenNo++}`;
      const existing = notes.length && rand() < 0.8 ? pick(notes) : null;
      if (!existing) {
        const n = await api.createNote({ title: `Note ${tok}`, body: `First line\n${tok}\nLast line` });
        tokens.set(tok, n.id);
      } else {
        const n = (await api.getNote(existing.id))!;
        const lines = n.body.split('\n');
        const mode = rand();
        if (mode < 0.5) lines.push(tok);
        else if (mode < 0.8) lines.splice(Math.floor(rand() * (lines.length + 1)), 0, tok);
        else {
          const i = Math.floor(rand() * lines.length);
          for (const t of lines[i]!.match(/tok-\d+-\d+/g) ?? []) {
            tokens.delete(t); // a deliberate removal
            log(`lib ${who}: note ${n.id} removes ${t}`);
          }
          lines[i] = tok;
        }
        await api.saveNote(n.id, { body: lines.join('\n') });
        tokens.set(tok, n.id);
        log(`lib ${who}: note ${n.id} ${mode < 0.5 ? 'append' : mode < 0.8 ? 'insert' : 'replace'} ${tok}`);
      }
    } else if (r < 0.72) {
      const kind = pick(['article', 'passage', 'note'] as const);
      const pool = kind === 'article' ? articles : kind === 'note' ? notes : passages;
      if (!pool.length) return;
      const target = { kind, id: pick(pool as Array<{ id: string }>).id };
      if (rand() < 0.7) await api.addTags([target], [pick(TAGS)]);
      else await api.removeTags([target], [pick(TAGS)]);
    } else if (r < 0.8) {
      const kind = pick(['article', 'passage', 'note'] as const);
      if (kind === 'article' && articles.length > 1) await api.deleteArticle(pick(articles).id);
      else if (kind === 'note' && notes.length) await api.deleteNote(pick(notes).id);
      else if (kind === 'passage' && passages.length) await api.deletePassage(pick(passages).id);
    } else if (r < 0.88) {
      const trash = await api.listTrash();
      if (trash.length) await api.restoreFromTrash(pick(trash).id);
    } else if (r < 0.95) {
      const a = pick(articles);
      await api.updateArticle(a.id, { title: `${a.title.replace(/ \(edited.*$/, '')} (edited ${who}-${operations})` });
    } else {
      const a = pick(articles);
      const detail = (await api.getArticle(a.id))!;
      await api.editArticleText(a.id, `${detail.text}\n\nA paragraph added on device ${who}, edit ${operations}.`);
    }
  };

  const targetOf = (i: number) => opts.targets?.[i] ?? opts.target;
  const syncInProcess = async (i: number) => {
    const core = await open(libs[i]!);
    try {
      await core.sync.syncWithTarget(targetOf(i));
    } finally {
      await core.close();
    }
  };

  if (opts.settle) {
    // Through a file-sync engine the first device sets the target up and the others see it arrive first
    // (two devices creating scholia-sync.json at once would be the engine's conflict, not ours).
    await syncInProcess(0);
    await opts.settle();
  }
  const forced = ['captured', 'pulled', 'uploading'];
  for (let round = 0; round < opts.rounds; round++) {
    for (let i = 0; i < libs.length; i++) {
      const core = await open(libs[i]!);
      try {
        const n = 1 + Math.floor(rand() * 4);
        for (let k = 0; k < n; k++) await edit(core, i);
      } finally {
        await core.close();
      }
      // From the second round on, the first syncs are killed at each phase in turn (then at random), so
      // every kind of kill happens in every run, however the dice fall.
      const forcedKill = round > 0 && opts.killRate > 0 ? forced.shift() : undefined;
      if (forcedKill || rand() < 0.6) {
        syncs++;
        if (forcedKill || rand() < opts.killRate) {
          const at = forcedKill ?? pick(['captured', 'pulled', 'uploading']);
          const r = await childSync(libs[i]!, targetOf(i), at, opts.env ?? {});
          if (r.killed) kills++;
          else if (r.code !== 0) throw new Error(`sync of library ${i} failed: ${r.err}`);
          log(`round ${round} lib ${i}: child sync ${r.killed ? `killed at ${at}` : 'finished'}`);
        } else await syncInProcess(i);
      }
    }
  }
  // Quiet period: everyone syncs until nothing moves.
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < libs.length; i++) {
      if (opts.settle) await opts.settle();
      await syncInProcess(i);
      syncs++;
    }
  }

  const contents: string[] = [];
  let conflicts = 0;
  const lost: string[] = [];
  let counts = { articles: 0, passages: 0, notes: 0, trash: 0 };
  for (const [i, lib] of libs.entries()) {
    const core = await open(lib);
    try {
      const api = core.api;
      const articles = [];
      for (const a of [...(await api.listArticles())].sort((x, y) => (x.id < y.id ? -1 : 1))) {
        const d = (await api.getArticle(a.id))!;
        articles.push({ id: a.id, title: d.title, tags: [...d.tags].sort(), text: d.text });
        if (a.id.includes('-conflict-')) conflicts++;
      }
      const passages = [...(await api.listPassages())]
        .map((p) => ({ id: p.id, articleId: p.articleId, exact: p.quote.exact, tags: [...p.tags].sort() }))
        .sort((x, y) => (x.id < y.id ? -1 : 1));
      const notes = [];
      for (const m of [...(await api.listNotes())].sort((x, y) => (x.id < y.id ? -1 : 1))) {
        const n = (await api.getNote(m.id))!;
        notes.push({ id: n.id, title: n.title, tags: [...n.tags].sort(), body: n.body });
        if (i === 0) conflicts += (n.body.match(/^<<<<<<< /gm) ?? []).length;
      }
      const trash = (await api.listTrash()).map((t) => t.id).sort();
      contents.push(JSON.stringify({ articles, passages, notes, trash }));
      if (i === 0) {
        counts = { articles: articles.length, passages: passages.length, notes: notes.length, trash: trash.length };
        const trashedNotes = (await core.ctx.store.getTrashItems()).flatMap((t) => (t.note ? [t.note] : []));
        const allText = new Map<string, string>();
        for (const n of notes) allText.set(n.id, n.body);
        for (const n of trashedNotes) allText.set(n.id, n.body);
        for (const [tok, noteId] of tokens) {
          const body = allText.get(noteId) ?? '';
          if (!new RegExp(`\\b${tok}\\b`).test(body)) lost.push(`${tok} (note ${noteId})`);
        }
      }
    } finally {
      await core.close();
    }
  }
  return { operations, syncs, kills, conflicts, lost, contents, counts };
}
