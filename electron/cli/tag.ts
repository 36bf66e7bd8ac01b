import { type CliCommand, UsageError, jsonLine } from './command.js';
import type { Core } from '../core/core.js';
import type { TagTarget } from '../core/tags/api.js';

/** Finds what an id names: an article, a passage or a note. */
async function resolveTarget(core: Core, id: string): Promise<TagTarget> {
  const { store } = core.ctx;
  if (store.getArticleMeta(id)) return { kind: 'article', id };
  if (store.getPassage(id)) return { kind: 'passage', id };
  if (store.listNotes().some((n) => n.id === id)) return { kind: 'note', id };
  throw new UsageError(`no article, passage or note has the id "${id}"`);
}

const splitTags = (s: string) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'Add, remove, rename, merge or colour tags; filter articles by tags',
  usage: [
    'scholia tag add <tag[,tag...]> <id>...        tag articles, passages or notes',
    '       scholia tag remove <tag[,tag...]> <id>...',
    '       scholia tag rename <from> <to>                 sub-tags follow (from/x → to/x)',
    '       scholia tag merge <from>... <into>             every <from> (and its sub-tags) into <into>',
    '       scholia tag color <tag> <color|none>',
    '       scholia tag filter <expression> [--json]       articles matching e.g. "ukraine AND NOT ukraine/drones"',
  ].join('\n'),
  async run(ctx, argv) {
    const json = argv.includes('--json');
    const [verb, ...args] = argv.filter((a) => a !== '--json');
    const need = (n: number) => {
      if (args.length < n) throw new UsageError(`tag ${verb} needs ${n === 1 ? 'an argument' : `${n} arguments`}`);
    };
    const core = await ctx.openCore();
    const api = core.api;
    let changed: number | undefined;
    switch (verb) {
      case 'add':
      case 'remove': {
        need(2);
        const tags = splitTags(args[0]!);
        const targets = await Promise.all(args.slice(1).map((id) => resolveTarget(core, id)));
        changed = (verb === 'add' ? await api.addTags(targets, tags) : await api.removeTags(targets, tags)).changed;
        break;
      }
      case 'rename':
        need(2);
        if (args.length !== 2) throw new UsageError('tag rename takes exactly <from> <to>');
        changed = (await api.renameTag(args[0]!, args[1]!)).changed;
        break;
      case 'merge':
        need(2);
        changed = (await api.mergeTags(args.slice(0, -1), args[args.length - 1]!)).changed;
        break;
      case 'color':
        need(2);
        await api.setTagColor(args[0]!, args[1] === 'none' ? null : args[1]!);
        if (json) jsonLine(ctx, { tag: args[0], color: args[1] === 'none' ? null : args[1] });
        else ctx.out(`colour of ${args[0]} set to ${args[1]}`);
        return 0;
      case 'filter': {
        need(1);
        const ids = await api.filterArticles(args.join(' '));
        for (const id of ids) {
          const m = core.ctx.store.getArticleMeta(id)!;
          if (json) jsonLine(ctx, { id, title: m.title, tags: m.tags });
          else ctx.out(`${id}  ${m.title}  [${m.tags.join(', ')}]`);
        }
        if (!json) ctx.out(`${ids.length} article${ids.length === 1 ? '' : 's'}`);
        return 0;
      }
      default:
        throw new UsageError(verb ? `unknown tag action "${verb}"` : 'tag needs an action');
    }
    if (json) jsonLine(ctx, { changed });
    else ctx.out(`${changed} item${changed === 1 ? '' : 's'} changed`);
    return 0;
  },
};
