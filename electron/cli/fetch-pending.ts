// `scholia fetch-pending`: fetches the pages other apps' exports named only by link
// (the "To fetch" list), or lists them. Spaced out, with progress; Ctrl-C stops
// after the page being fetched and the rest stay listed.
import { parseArgs } from 'node:util';
import { PendingFetcher } from '../core/interop/api.js';
import type { FetchOutcome, PendingSummary } from '../core/api.js';
import { type CliCommand, UsageError, jsonLine } from './command.js';

function line(e: PendingSummary): string {
  const state = e.state === 'failed' ? `failed (${e.error ?? ''})` : 'waiting';
  const tags = e.tags.length ? `  [${e.tags.join(', ')}]` : '';
  return `${e.id}  ${state.padEnd(8)}  ${e.title}  <${e.url}>${tags}`;
}

function outcomeLine(o: FetchOutcome): string {
  if (o.status === 'fetched') return `fetched    ${o.articleId ?? ''}  ${o.title}`;
  if (o.status === 'duplicate') return `duplicate  ${o.articleId ?? ''}  ${o.title} (already in your library)`;
  if (o.status === 'offline') return `waiting    ${o.title}: ${o.error ?? ''}`;
  return `failed     ${o.title} <${o.url}>: ${o.error ?? ''}`;
}

export const fetchPendingCommand: CliCommand = {
  name: 'fetch-pending',
  library: 'write',
  summary: 'Fetch the pages imported exports named only by link (Pocket, Instapaper, Zotero…), or --list them',
  usage:
    'scholia fetch-pending [--list] [--failed] [--id ID]... [--interval-ms N] [--json]\n' +
    '  --list          show the list instead of fetching\n' +
    '  --failed        only entries whose last attempt failed\n' +
    '  --id ID         only these entries (repeatable)\n' +
    '  --interval-ms N least time between two requests (default 1000)',
  async run(ctx, argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        failed: { type: 'boolean', default: false },
        id: { type: 'string', multiple: true },
        'interval-ms': { type: 'string' },
      },
      allowPositionals: false,
    });
    const interval = values['interval-ms'] === undefined ? 1000 : Number(values['interval-ms']);
    if (!Number.isInteger(interval) || interval < 0 || interval > 600_000) {
      throw new UsageError('--interval-ms takes a whole number of milliseconds (0 to 600000)');
    }
    const core = await ctx.openCore();
    const fetcher = new PendingFetcher(core.ctx, { intervalMs: interval });
    const state = values.failed ? ('failed' as const) : undefined;
    if (values.list) {
      let offset = 0;
      let page;
      do {
        page = fetcher.list({ state, offset, limit: 1000 });
        for (const e of page.entries) {
          if (values.json) jsonLine(ctx, e);
          else ctx.out(line(e));
        }
        offset += page.entries.length;
      } while (offset < page.total && page.entries.length > 0);
      if (!values.json) ctx.out(`${page.waiting} waiting, ${page.failed} failed`);
      return 0;
    }
    let ids = values.id;
    if (state) ids = fetcher.list({ state, limit: Number.MAX_SAFE_INTEGER }).entries.map((e) => e.id);
    const started = fetcher.start(ids);
    if (!started.running) {
      if (values.json) jsonLine(ctx, started);
      else ctx.out(started.message);
      return 0;
    }
    const stop = () => fetcher.cancel();
    process.once('SIGINT', stop);
    let shown = 0;
    const show = () => {
      const p = fetcher.snapshot();
      // outcomes keeps the latest 500: count from the run's totals so nothing prints twice.
      const total = p.done + p.outcomes.filter((o) => o.status === 'offline').length;
      const fresh = p.outcomes.slice(Math.max(0, p.outcomes.length - (total - shown)));
      for (const o of fresh) {
        if (values.json) jsonLine(ctx, o);
        else ctx.out(`[${p.done}/${p.total}] ${outcomeLine(o)}`);
      }
      shown = total;
    };
    try {
      while (fetcher.snapshot().running) {
        await new Promise((r) => setTimeout(r, 200));
        show();
      }
      const end = await fetcher.settled();
      show();
      if (values.json) jsonLine(ctx, { ...end, outcomes: undefined });
      else ctx.out(end.message);
      return end.failed > 0 || end.offline ? 1 : 0;
    } finally {
      process.removeListener('SIGINT', stop);
    }
  },
};
