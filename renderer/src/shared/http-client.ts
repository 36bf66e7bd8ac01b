// Browser mode's window.scholia: the same contract over HTTP to 127.0.0.1.
// The per-run token arrives in the URL fragment (never sent to the server in
// the address, never in a Referer) and is kept for this tab only.
import type { ScholiaApi } from '../../../electron/core/api.js';

const TOKEN_KEY = 'scholia-token';

function takeToken(): string {
  const m = /(?:^|[#&])token=([A-Za-z0-9]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpClient(): ScholiaApi {
  const token = takeToken();
  return new Proxy({} as ScholiaApi, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      return async (...given: unknown[]) => {
        // JSON turns a trailing undefined (an omitted optional argument) into null: drop it.
        const args = [...given];
        while (args.length && args[args.length - 1] === undefined) args.pop();
        const res = await fetch(`./api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ args }),
        });
        const body = (await res.json().catch(() => ({}))) as { result?: unknown; error?: string; code?: string };
        if (!res.ok) {
          const msg =
            res.status === 401
              ? 'This page has lost its access key. Open the address that "scholia serve" printed.'
              : (body.error ?? `Request failed (${res.status})`);
          throw Object.assign(new Error(msg), { code: body.code });
        }
        return body.result;
      };
    },
  });
}
