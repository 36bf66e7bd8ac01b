// Notes have a real title (issue 12, item 9): given, or derived from the first line that is not a
// quote, following the body only until the user gives one; and `[[note title]]` links between notes
// resolve to notes and answer backlinks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { wikiLinks } from '../../../electron/core/notes/links.js';
import { FIXTURES } from '../../sample-text.js';

const MT = 'moscow-times-blinken-iranian-drones.txt';
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;
let articleId: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-notes-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
  const [r] = await core.api.importFiles([
    { name: MT, dataBase64: readFileSync(path.join(FIXTURES, MT)).toString('base64') },
  ]);
  articleId = r!.id!;
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function quoteNote(extra = ''): Promise<string> {
  const text = (await core.api.getArticle(articleId))!.text;
  const start = text.indexOf(QUOTE);
  const p = await core.api.addPassage({ articleId, start, end: start + QUOTE.length });
  return `> [${QUOTE}](scholia://passage/${p.id})\n\n${extra}`;
}

it('does not take a quote for a title: a note begun from a highlight is named by its own words', async () => {
  const body = await quoteNote();
  const bare = await core.api.createNote({ articleId, body });
  expect(bare.title).toBe("Note on Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
  const saved = await core.api.saveNote(bare.id, { body: body + 'Blinken repeats the State Department line.' });
  expect(saved.title).toBe('Blinken repeats the State Department line.');
  expect((await core.api.createNote({ body: '' })).title).toBe('Untitled note');
});

it('keeps a title the user gave, whatever the body becomes; an empty title goes back to the derived one', async () => {
  const n = await core.api.createNote({ body: 'First thoughts' });
  expect(n.title).toBe('First thoughts');
  await core.api.saveNote(n.id, { body: 'Second thoughts' });
  expect((await core.api.getNote(n.id))!.title).toBe('Second thoughts'); // still derived: follows
  await core.api.saveNote(n.id, { title: '  Drone supply chain  ' });
  await core.api.saveNote(n.id, { body: 'Third thoughts, rewritten' });
  const kept = (await core.api.getNote(n.id))!;
  expect(kept.title).toBe('Drone supply chain');
  expect((await core.api.listNotes()).find((m) => m.id === n.id)!.title).toBe('Drone supply chain');
  expect((await core.api.saveNote(n.id, { title: '' })).title).toBe('Third thoughts, rewritten');
});

it('keeps following the body for notes titled the old way (the first line, even a quote)', async () => {
  const body = await quoteNote();
  // A note saved by an earlier version: its title is its quote line, stripped.
  const legacy = await core.api.createNote({ articleId, body, title: QUOTE });
  const saved = await core.api.saveNote(legacy.id, { body: body + 'Now with a line of my own' });
  expect(saved.title).toBe('Now with a line of my own');
});

it('finds [[links]] outside code, with aliases and sections', () => {
  const md = [
    'See [[Drone supply chain]] and [[drone  SUPPLY chain|the chain]].',
    '`[[not a link]]`',
    '```',
    '[[nor this]]',
    '```',
    '- [[Sanctions#2022]]',
  ].join('\n');
  expect(wikiLinks(md).map((l) => l.target)).toEqual(['Drone supply chain', 'drone  SUPPLY chain', 'Sanctions']);
});

it('resolves [[title]] links and answers backlinks, following edits, renames and deletions', async () => {
  const chain = await core.api.createNote({ title: 'Drone supply chain', body: 'Shahed-136 parts.' });
  const older = await core.api.createNote({ title: 'Sanctions', body: 'Export controls.' });
  const a = await core.api.createNote({ title: 'Week 43', body: 'Compare with [[drone supply  chain|the chain]].' });
  const b = await core.api.createNote({ title: 'Open questions', body: 'Nothing yet.' });

  expect(await core.api.resolveNoteLinks(['Drone Supply Chain', 'sanctions', 'Missing note'])).toEqual([
    { title: 'Drone Supply Chain', noteId: chain.id },
    { title: 'sanctions', noteId: older.id },
    { title: 'Missing note', noteId: null },
  ]);

  let back = await core.api.noteBacklinks(chain.id);
  expect(back.map((n) => [n.id, n.context])).toEqual([[a.id, ['Compare with [[drone supply  chain|the chain]].']]]);

  await core.api.saveNote(b.id, { body: 'Who builds them? See [[Drone supply chain]].' });
  back = await core.api.noteBacklinks(chain.id);
  expect(back.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());

  await core.api.saveNote(a.id, { body: 'No link any more.' });
  await core.api.deleteNote(b.id);
  expect(await core.api.noteBacklinks(chain.id)).toEqual([]);

  // A renamed note is linked by its new title.
  await core.api.saveNote(older.id, { title: 'Export controls' });
  await core.api.saveNote(a.id, { body: '[[Export controls]] and [[Sanctions]]' });
  expect((await core.api.noteBacklinks(older.id)).map((n) => n.id)).toEqual([a.id]);
  await expect(core.api.noteBacklinks('n_missing')).rejects.toThrow(/No note/);
});
