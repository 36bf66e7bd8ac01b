// The other house rules of eslint.config.js, each proved on a file that breaks
// it and a clean one: no DOM in the core however it is reached, no import
// cycles, and no promise left unawaited or passed where nothing awaits it.
import { describe, expect, it } from 'vitest';
import { lint, lintRule } from './lint-harness.js';

describe('no DOM globals in the core', () => {
  const cases = [
    'export const t = document.title;',
    'export const t = globalThis.document.title;',
    "export const t = globalThis['document'];",
    'export const w = globalThis.window;',
    'export const { document: d } = globalThis;',
    'export const href = window.location.href;',
    'export const n = self.navigator;',
    'export const p = new DOMParser();',
  ];
  for (const code of cases) {
    it(`refuses ${code}`, async () => {
      const found = (await lint('electron/core/import/x.ts', code)).filter((f) => f.rule?.startsWith('no-restricted-'));
      expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
      expect(found[0]!.message).toMatch(/DOM globals/);
    });
  }

  it('accepts the same names where they are not the DOM, and the DOM in the renderer', async () => {
    const core = [
      "import { parseHTML } from 'linkedom';",
      "export const { document } = parseHTML('<p>x</p>');",
      'export const t = document.title;',
      'export const c = globalThis.structuredClone;',
    ].join('\n');
    expect(await lint('electron/core/import/x.ts', core)).toEqual([]);
    expect(await lint('renderer/src/x.ts', 'export const t = globalThis.document.title + document.title;')).toEqual([]);
  });
});

describe('no import cycles', () => {
  it('refuses a module that imports something that imports it back', async () => {
    // ids.ts is imported (as a value) by articles/service.ts, which core.ts imports.
    const found = await lintRule('import-x/no-cycle', 'electron/core/ids.ts', "export { openCore } from './core.js';");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/cycle/i);
  });

  it('accepts the same import from a module nothing in the core imports', async () => {
    expect(
      await lintRule('import-x/no-cycle', 'electron/cli/x.ts', "export { openCore } from '../core/core.js';"),
    ).toEqual([]);
  });
});

describe('promises are awaited or handled (type-aware)', () => {
  // A real file of the project, so the type checker knows it.
  const file = 'electron/core/search/service.ts';
  const head = 'async function save(): Promise<void> {}\n';

  it('refuses a floating promise', async () => {
    const found = await lintRule(
      '@typescript-eslint/no-floating-promises',
      file,
      `${head}export function f(): void {\n  save();\n}\n`,
      { typed: true },
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(3);
  });

  it('refuses a promise passed where nothing awaits it, or tested as a condition', async () => {
    const code = `${head}export function f(xs: string[]): void {\n  xs.forEach(async () => {\n    await save();\n  });\n  if (save()) return;\n}\n`;
    const found = await lintRule('@typescript-eslint/no-misused-promises', file, code, { typed: true });
    expect(found.map((f) => f.line)).toEqual([3, 6]);
  });

  it('accepts awaited, returned, caught and explicitly ignored promises', async () => {
    const code = [
      head,
      'export async function f(xs: string[]): Promise<void> {',
      '  await save();',
      '  await Promise.all(xs.map(async () => save()));',
      '  save().catch(() => undefined); // the caller is told nothing: nothing to tell',
      '  void save();',
      '}',
      'export const g = (): Promise<void> => save();',
      '',
    ].join('\n');
    expect(await lint(file, code, { typed: true })).toEqual([]);
  }, 120_000);
});
