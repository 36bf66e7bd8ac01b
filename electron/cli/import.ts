import { parseArgs } from 'node:util';
import { importPaths } from '../core/articles/index.js';
import type { ImportResult } from '../core/api.js';
import { type CliCommand, UsageError, jsonLine } from './command.js';

export const importCommand: CliCommand = {
  name: 'import',
  library: 'create',
  summary:
    'Import articles from files or folders (.txt, .html, .md, .jsonl, .pdf), and exports of Pocket, Instapaper, Omnivore, Wallabag, Readwise, Kindle, Zotero (CSL-JSON, BibTeX, RIS)',
  usage: 'scholia import <paths...> [--url URL]... [--allow-duplicates] [--password PW] [--json]',
  async run(ctx, argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        url: { type: 'string', multiple: true },
        'allow-duplicates': { type: 'boolean', default: false },
        // For encrypted PDFs (a failed result says password-required / password-wrong).
        password: { type: 'string' },
      },
      allowPositionals: true,
    });
    const urls = values.url ?? [];
    if (positionals.length === 0 && urls.length === 0) {
      throw new UsageError('give at least one file, folder or --url to import');
    }
    const core = await ctx.openCore();
    const counts = { imported: 0, duplicate: 0, failed: 0 };
    const opts = { allowDuplicates: values['allow-duplicates'] };
    const pathOpts = values.password !== undefined ? { ...opts, password: values.password } : opts;
    const report = (r: ImportResult) => {
      counts[r.status]++;
      if (values.json) jsonLine(ctx, r);
      else if (r.status === 'imported') {
        ctx.out(`imported   ${r.id ?? ''}  ${r.title}  (${r.path})`);
        // What an export could not carry over, said per file.
        for (const w of r.warnings ?? []) ctx.out(`  note: ${w}`);
        if (r.pending) ctx.out(`  ${r.pending} page(s) wait to be fetched: run \`scholia fetch-pending\``);
      } else if (r.status === 'duplicate') ctx.out(`duplicate  ${r.id}  ${r.title}  (${r.path})`);
      else ctx.out(`failed     ${r.path}: ${r.error}`);
    };
    for (const url of urls) for (const r of await core.api.importUrl(url, opts)) report(r);
    await importPaths(core.ctx, positionals, report, pathOpts);
    if (!values.json) ctx.out(`${counts.imported} imported, ${counts.duplicate} duplicate, ${counts.failed} failed`);
    const total = counts.imported + counts.duplicate + counts.failed;
    if (total === 0) {
      ctx.err('scholia: nothing to import (no .txt, .html, .md, .jsonl or .pdf files found)');
      return 1;
    }
    return counts.failed > 0 ? 1 : 0;
  },
};
