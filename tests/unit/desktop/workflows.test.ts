// The CI and release workflows cannot run here: they are validated against GitHub's workflow
// schema (action-validator, offline) and checked for what they promise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const validator = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')),
  'cli.mjs',
);
const read = (name: string) => readFileSync(path.join(root, '.github', 'workflows', name), 'utf8');

function validate(text: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-wf-'));
  try {
    const file = path.join(dir, 'workflow.yml');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [validator, file], { encoding: 'utf8', timeout: 60_000 });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
};
type Job = {
  'runs-on': string;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
  env?: Record<string, string>;
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

describe('GitHub workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes the workflow schema', (name) => {
    const r = validate(read(name));
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('a broken workflow is refused (the validation is real)', () => {
    const broken = read('ci.yml').replace('    runs-on: ${{ matrix.os }}', '    runs_on: ${{ matrix.os }}');
    expect(broken).not.toBe(read('ci.yml'));
    const r = validate(broken);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/runs_on/);
    const renamed = read('release.yml').replace('  push:\n    tags:', '  pushed:\n    tags:');
    expect(renamed).not.toBe(read('release.yml'));
    const badTrigger = validate(renamed);
    expect(badTrigger.ok).toBe(false);
  });

  it('every ${{ expression }} is closed', () => {
    for (const name of ['ci.yml', 'release.yml']) {
      const text = read(name);
      expect(text.split('${{').length, name).toBe(text.split('}}').length);
    }
  });

  it('CI: the whole suite on Linux, Windows and macOS, Electron installed for real, xvfb on Linux', () => {
    const wf = parse(read('ci.yml')) as Workflow;
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const job = wf.jobs.test!;
    expect(job.strategy!.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toMatch(/require\('electron'\)/); // the binary is there, or the job stops
    const linux = job.steps.find((s) => s.if === "runner.os == 'Linux'")!;
    expect(linux.run).toMatch(/^xvfb-run .* npm test$/);
    expect(job.steps.find((s) => s.if === "runner.os != 'Linux'")!.run).toBe('npm test');
    // Without a binary the desktop tests must fail in CI, not skip.
    expect(job.env!.SCHOLIA_REQUIRE_ELECTRON).toBe('1');
    expect(
      job.steps.some((s) => s.uses?.startsWith('actions/cache') && String(s.with!.path).includes('electron')),
    ).toBe(true);
  });

  it('Release: tag-triggered installers for each OS, signing wired to secrets and skipped with a message', () => {
    const wf = parse(read('release.yml')) as Workflow;
    expect(wf.on.push).toEqual({ tags: ['v*'] });
    const job = wf.jobs.installers!;
    const args = (job.strategy!.matrix.include as { os: string; args: string }[]).map((m) => `${m.os}: ${m.args}`);
    expect(args).toEqual([
      'windows-latest: --win nsis --x64 --arm64',
      'macos-latest: --mac dmg zip --x64 --arm64',
      'ubuntu-latest: --linux AppImage deb --x64',
    ]);
    const build = job.steps.find((s) => s.run?.startsWith('npx electron-builder'))!;
    for (const v of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(build.env![v], v).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    }
    const status = job.steps.find((s) => s.name === 'Signing status')!.run!;
    expect(status).toMatch(/::warning title=Unsigned macOS build::/);
    expect(status).toMatch(/::warning title=Unsigned Windows build::/);
    expect(status).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    expect(wf.jobs.publish!.steps.map((s) => s.run ?? '').join('\n')).toMatch(/gh release create .* --draft/);
  });
});
