// Child process for crash.test.ts: opens the library and writes forever, printing
// "B <json>" before and "A <json>" after each awaited write. The parent kills it
// with SIGKILL at a random moment and checks every acknowledged write survived.
import { JsonStore } from '../../../electron/core/store/json-store.js';
import { article, note, passage, TEXTS } from './helpers.js';

const dir = process.argv[2]!;
const tag = process.argv[3]!;
const say = (kind: 'B' | 'A', o: object) => process.stdout.write(`${kind} ${JSON.stringify(o)}\n`);

const store = new JsonStore(dir, { autoBackupDelayMs: 0, compactBytes: 4000 });
await store.open();
process.stdout.write('ready\n');
let k = 0;
const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const version = (body: string) => Number(/^v(\d+)/.exec(body)?.[1] ?? 0);

for (;;) {
  const r = Math.random();
  const notes = store.listNotes();
  if (r < 0.35 && notes.length) {
    const n = (await store.getNote(pick(notes)!.id))!;
    const v = version(n.body) + 1;
    const o = { op: 'note', id: n.id, v };
    say('B', o);
    await store.putNote({
      ...n,
      body: `v${v}\n\n${TEXTS[v % 2]!.slice(0, 1500)}`,
      updatedAt: new Date().toISOString(),
    });
    say('A', o);
  } else if (r < 0.45) {
    // A batch: several notes in one journal append; each is acknowledged when the batch is.
    const ids = [0, 1, 2].map(() => `n_${tag}_${k++}`);
    for (const id of ids) say('B', { op: 'note', id, v: 0 });
    await store.putNotes(ids.map((id) => note(id, `v0\n\nA batch note ${id}`)));
    for (const id of ids) say('A', { op: 'note', id, v: 0 });
  } else if (r < 0.55) {
    const id = `n_${tag}_${k++}`;
    const o = { op: 'note', id, v: 0 };
    say('B', o);
    await store.putNote(note(id, `v0\n\nA new note ${id}`));
    say('A', o);
  } else if (r < 0.62) {
    const batch = [0, 1, 2].map(() => article(`a_${tag}_${k++}`, k));
    for (const a of batch) say('B', { op: 'article', id: a.meta.id });
    await store.putArticles(batch);
    for (const a of batch) say('A', { op: 'article', id: a.meta.id });
  } else if (r < 0.7) {
    const id = `a_${tag}_${k++}`;
    const a = article(id, k);
    say('B', { op: 'article', id });
    await store.putArticle(a.meta, a.body);
    say('A', { op: 'article', id });
    say('B', { op: 'passage', id: `p_${id}`, articleId: id });
    await store.putPassages([passage(`p_${id}`, id, k)]);
    say('A', { op: 'passage', id: `p_${id}`, articleId: id });
  } else if (r < 0.8 && notes.length > 3) {
    const id = pick(notes)!.id;
    say('B', { op: 'trash', id });
    await store.trashNote(id);
    say('A', { op: 'trash', id });
  } else if (r < 0.85) {
    const t = pick(store.listTrash().filter((x) => x.kind === 'note'));
    if (!t) continue;
    say('B', { op: 'restore', id: t.id });
    await store.restoreFromTrash(t.id);
    say('A', { op: 'restore', id: t.id });
  } else if (r < 0.97) {
    const v = (store.getSetting<number>('counter') ?? 0) + 1;
    say('B', { op: 'counter', v });
    await store.setSetting('counter', v);
    say('A', { op: 'counter', v });
  } else {
    say('B', { op: 'backup' });
    await store.backup();
    say('A', { op: 'backup' });
  }
}
