// Lints source text as if it lived at a path in the repository, with the
// repository's own eslint.config.js: each rule is proved on a file that breaks
// it (and a clean one) placed where the rule applies.
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { expect, it } from 'vitest';

export const root = path.resolve(import.meta.dirname, '..', '..', '..');

// The import and global rules need no type information; leaving the type-aware
// rules out makes each lint a few milliseconds and lets files be virtual.
const UNTYPED: Linter.Config = {
  languageOptions: { parserOptions: { projectService: false } },
  rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
};

let untyped: ESLint | undefined;
let typed: ESLint | undefined;

export interface Finding {
  rule: string | null;
  message: string;
  line: number;
}

/** The problems eslint reports for `code` placed at `file` (relative to the repository). */
export async function lint(file: string, code: string, opts: { typed?: boolean } = {}): Promise<Finding[]> {
  const eslint = opts.typed
    ? (typed ??= new ESLint({ cwd: root }))
    : (untyped ??= new ESLint({ cwd: root, overrideConfig: UNTYPED }));
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line }));
}

/** Only the findings of one rule. */
export async function lintRule(rule: string, file: string, code: string, opts: { typed?: boolean } = {}) {
  return (await lint(file, code, opts)).filter((f) => f.rule === rule);
}

/** A file that must be refused: [where it lives, what it says, a word of the expected message]. */
export type Case = [file: string, code: string, expected: RegExp];

/** One test per case: the layers rule reports exactly one error there, with the expected message. */
export function refuses(cases: Case[]): void {
  for (const [file, code, expected] of cases) {
    it(`refuses ${file}: ${code.split('\n')[0]}`, async () => {
      const found = await lintRule('local/layers', file, code);
      expect(found, JSON.stringify(found)).toHaveLength(1);
      expect(found[0]!.message).toMatch(expected);
    });
  }
}
