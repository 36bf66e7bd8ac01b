import { expect, it } from 'vitest';
import { isWithin, normalizeTag, normalizeTags, reparent } from '../../../electron/core/tags/tag-path.js';
import { matchesTagExpr, parseTagExpr } from '../../../electron/core/tags/tag-expr.js';

it('normalises what users type into one canonical tag', () => {
  expect(normalizeTag('  Ukraine / Drones ')).toBe('ukraine/drones');
  expect(normalizeTag('#Iran//nuclear  deal/')).toBe('iran/nuclear deal');
  expect(normalizeTag(' / ')).toBeNull();
  expect(normalizeTags(['Iran', 'iran', '', 'IRAN/ '])).toEqual(['iran']);
});

it('knows which tags lie inside which', () => {
  expect(isWithin('ukraine/drones', 'ukraine')).toBe(true);
  expect(isWithin('ukraine', 'ukraine')).toBe(true);
  expect(isWithin('ukrainewar', 'ukraine')).toBe(false);
  expect(reparent('ukraine/drones/shahed', 'ukraine', 'ua')).toBe('ua/drones/shahed');
  expect(reparent('ukrainewar', 'ukraine', 'ua')).toBe('ukrainewar');
});

it('filters with AND, OR, NOT and parentheses, sub-tags included', () => {
  const items: Record<string, string[]> = {
    mt: ['ukraine/drones', 'iran'],
    rf: ['ukraine'],
    bbc: ['russia/economy'],
    none: [],
  };
  const match = (expr: string) => Object.keys(items).filter((k) => matchesTagExpr(parseTagExpr(expr), items[k]!));
  expect(match('ukraine')).toEqual(['mt', 'rf']);
  expect(match('ukraine AND NOT ukraine/drones')).toEqual(['rf']);
  expect(match('ukraine -iran')).toEqual(['rf']);
  expect(match('iran OR russia')).toEqual(['mt', 'bbc']);
  expect(match('(iran OR russia) AND NOT russia/economy')).toEqual(['mt']);
  expect(match('NOT ukraine')).toEqual(['bbc', 'none']);
  expect(() => parseTagExpr('(ukraine OR')).toThrow(/ends too early|not closed/);
  expect(() => parseTagExpr('')).toThrow(/empty/);
});
