// The user guide (Help → Documentation) names commands with their shortcuts: each must be
// a command the app has, with the shortcut the app gives it, so the guide stays true.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../../electron/shared/commands.js';

const guide = readFileSync(path.resolve(import.meta.dirname, '../../../renderer/src/help/guide.md'), 'utf8').replace(
  /\s+/g,
  ' ',
);

it('every command the guide names in bold has that title and, where given, that shortcut', () => {
  const named = [...guide.matchAll(/\*\*([^*]+)\*\*(?: \(([^)]+)\))?/g)].map((m) => ({ title: m[1]!, keys: m[2] }));
  expect(named.length).toBeGreaterThan(15);
  const commands = COMMANDS as readonly CommandSpec[];
  const wrong = named.filter(({ title, keys }) => {
    const c = commands.find((x) => x.title === title);
    if (!c) return true;
    return keys !== undefined && c.keys?.linux !== keys;
  });
  expect(wrong).toEqual([]);
});
