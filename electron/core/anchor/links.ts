// Typed links between two passages ("this corroborates that", "this updates
// that"): part of the passages' model, kept in the library's settings as one
// small list so they travel with backups and sync like collections. A link
// whose passage went to the trash is kept (restoring the passage brings it
// back) but not listed while either end is missing.
import type { CoreContext } from '../context.js';
import { CoreError } from '../errors.js';
import { newId } from '../ids.js';
import type { Passage } from '../model.js';
import { StoreError } from '../store/types.js';
import type { LinkRelation, PassageLink, PassageLinkInput, PassageLinkView } from './api.js';

export const PASSAGE_LINKS_SETTING = 'passageLinks';
export const LINK_RELATIONS: readonly LinkRelation[] = [
  'corroborates',
  'contradicts',
  'quotes',
  'paraphrases',
  'updates',
  'other',
];

/** A link that cannot be made as asked; `message` is for the user. */
export class PassageLinkError extends CoreError<'invalid'> {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

/** All stored links (also those with an end in the trash). */
export function storedLinks(ctx: CoreContext): PassageLink[] {
  return ctx.store.getSetting<PassageLink[]>(PASSAGE_LINKS_SETTING) ?? [];
}

/** Live links: both passages exist. */
export function liveLinks(ctx: CoreContext): PassageLink[] {
  return storedLinks(ctx).filter((l) => ctx.store.getPassage(l.fromId) && ctx.store.getPassage(l.toId));
}

function describe(p: Passage, ctx: CoreContext) {
  const meta = ctx.store.getArticleMeta(p.articleId);
  return {
    id: p.id,
    articleId: p.articleId,
    articleTitle: meta?.title ?? '',
    source: meta?.source ?? '',
    quote: p.quote.exact,
  };
}

/** Links as cards show them: each end with its quote and article. */
export function linkViews(ctx: CoreContext, links: PassageLink[]): PassageLinkView[] {
  const out: PassageLinkView[] = [];
  for (const l of links) {
    const from = ctx.store.getPassage(l.fromId);
    const to = ctx.store.getPassage(l.toId);
    if (from && to) out.push({ ...l, from: describe(from, ctx), to: describe(to, ctx) });
  }
  return out;
}

export function passageLinksService(ctx: CoreContext) {
  return {
    async linkPassages(input: PassageLinkInput): Promise<PassageLink> {
      if (input.fromId === input.toId) throw new PassageLinkError('A passage cannot be linked to itself');
      for (const id of [input.fromId, input.toId])
        if (!ctx.store.getPassage(id)) throw new StoreError(`No passage with id ${id}`, 'not-found');
      const label = input.label?.trim().replace(/\s+/g, ' ') || undefined;
      if (input.relation === 'other' && !label)
        throw new PassageLinkError('A link of your own kind needs a label (e.g. "disputes the figure")');
      const list = storedLinks(ctx);
      const same = list.find(
        (l) =>
          l.relation === input.relation &&
          (l.label ?? '') === (label ?? '') &&
          l.fromId === input.fromId &&
          l.toId === input.toId,
      );
      if (same) return same;
      const link: PassageLink = {
        id: newId('r'),
        fromId: input.fromId,
        toId: input.toId,
        relation: input.relation,
        ...(label ? { label } : {}),
        createdAt: ctx.now().toISOString(),
      };
      await ctx.store.setSetting(PASSAGE_LINKS_SETTING, [...list, link]);
      return link;
    },

    async listPassageLinks(passageId?: string | null): Promise<PassageLinkView[]> {
      return linkViews(
        ctx,
        storedLinks(ctx).filter((l) => !passageId || l.fromId === passageId || l.toId === passageId),
      );
    },

    async deletePassageLink(id: string): Promise<void> {
      const list = storedLinks(ctx);
      if (!list.some((l) => l.id === id)) throw new StoreError(`No passage link with id ${id}`, 'not-found');
      await ctx.store.setSetting(
        PASSAGE_LINKS_SETTING,
        list.filter((l) => l.id !== id),
      );
    },
  };
}
