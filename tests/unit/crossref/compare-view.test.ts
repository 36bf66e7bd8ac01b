// @vitest-environment jsdom
// The side-by-side view and "Also in" as a reader uses them, rendered in a DOM
// against the real core (the two sample articles imported into a temporary
// library): shared passages are marked in both columns, activating one moves
// to its counterpart, and "Also in" offers the other outlet for comparison.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { h, render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { createCrossrefService } from '../../../electron/core/crossref/service.js';
import { CompareView } from '../../../renderer/src/compare/compare-view.js';
import { AlsoIn } from '../../../renderer/src/compare/also-in.js';
import { layoutSide } from '../../../renderer/src/compare/segments.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const FILES = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'];
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let core: Core;
let mt: string;
let rfe: string;
let host: HTMLElement;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-compare-view-'));
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'browser' });
  const results = await core.api.importFiles(
    FILES.map((name) => ({ name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') })),
  );
  [mt, rfe] = results.map((r) => r.id!) as [string, string];
  const cr = createCrossrefService(core.ctx);
  (window as unknown as { scholia: unknown }).scholia = {
    getArticle: core.api.getArticle,
    compareArticles: cr.compareArticles,
    passageAlsoIn: cr.passageAlsoIn,
  };
  Element.prototype.scrollIntoView = vi.fn();
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(async () => {
  render(null, host);
  host.remove();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = find();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out waiting for the view');
}

it('shows both articles with their shared passages marked, and jumps to the counterpart', async () => {
  const onClose = vi.fn();
  render(h(CompareView, { aId: mt, bId: rfe, onClose }), host);
  const columns = await until(() => {
    const c = host.querySelectorAll('article.compare-column');
    return c.length === 2 ? [...c] : null;
  });
  expect(columns[0]!.querySelector('h3')!.textContent).toMatch(/Iranian Drones in Ukraine/);
  expect(columns[1]!.querySelector('.compare-meta')!.textContent).toMatch(/RFE\/RL/);

  const quoteLeft = [...columns[0]!.querySelectorAll<HTMLElement>('mark.shared-exact [role="button"]')].find((b) =>
    b.textContent!.includes(QUOTE),
  );
  expect(quoteLeft).toBeDefined();
  expect(columns[1]!.querySelectorAll('mark.shared-near').length).toBeGreaterThan(0);

  quoteLeft!.click();
  const focused = document.activeElement as HTMLElement;
  expect(columns[1]!.contains(focused)).toBe(true);
  expect(focused.textContent).toContain(QUOTE);
  expect(focused.scrollIntoView).toHaveBeenCalled();

  (host.querySelector('.compare-close') as HTMLButtonElement).click();
  expect(onClose).toHaveBeenCalledOnce();
  await expectAccessible();
});

/** No serious axe violations (contrast is checked in the browser e2e run: jsdom does no layout). */
async function expectAccessible(): Promise<void> {
  const result = await axe.run(host, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.passes.length).toBeGreaterThan(0); // axe did check something
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

it('lists the other outlet under "Also in" for a highlighted quote and offers to compare', async () => {
  const text = (await core.api.getArticle(mt))!.text;
  const start = text.indexOf(QUOTE);
  const passage = await core.api.addPassage({ articleId: mt, start, end: start + QUOTE.length });
  const onCompare = vi.fn();
  render(h(AlsoIn, { passageId: passage.id, onCompare }), host);
  const item = await until(() => host.querySelector('li.also-in-item'));
  expect(item.querySelector('blockquote')!.textContent).toBe(QUOTE);
  expect(item.textContent).toMatch(/Word for word/);
  (item.querySelector('button') as HTMLButtonElement).click();
  expect(onCompare).toHaveBeenCalledWith(rfe);
  await expectAccessible();
});

it('cuts marks at paragraph breaks and draws an overlapping span once', () => {
  const text = 'one two three\n\nfour five six';
  const layout = layoutSide(text, [
    { pair: 0, start: 4, end: 20, kind: 'exact' },
    { pair: 1, start: 8, end: 13, kind: 'near' },
  ]);
  expect(layout.paragraphs.map((p) => p.map((x) => (x.mark ? `[${x.text}]` : x.text)).join(''))).toEqual([
    'one [two three]',
    '[four ]five six',
  ]);
  expect(layout.drawnFor.get(1)).toBe(0);
});
