// Talking to the running Scholia app on 127.0.0.1: finding it (the documented
// port, then the fallbacks, or the ports the user set), pairing, and sending a
// clip with the token. Everything the app says no to arrives as an AppRefusal
// with its message; an app that is not there at all is AppUnreachable.
import {
  CLIP_PATHS,
  CLIP_PORTS,
  type ClipPath,
  type PairReply,
  type PairStartReply,
} from '../../electron/shared/clip-protocol.js';
import { ext } from './ext.js';

export interface Pairing {
  token: string;
  port: number;
}

/** Scholia is not running (no port answered). */
export class AppUnreachable extends Error {
  constructor() {
    super('Scholia is not running (or its clipper endpoint is off).');
  }
}

/** Scholia answered with a refusal: its message is for the user. */
export class AppRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function configuredPorts(): Promise<number[]> {
  const { ports } = await ext.storage.local.get('ports');
  return Array.isArray(ports) && ports.length ? (ports as number[]) : [...CLIP_PORTS];
}

export async function getPairing(): Promise<Pairing | null> {
  const { pairing } = await ext.storage.local.get('pairing');
  const p = pairing as Partial<Pairing> | undefined;
  return p && typeof p.token === 'string' && typeof p.port === 'number' ? { token: p.token, port: p.port } : null;
}

async function post(port: number, path: ClipPath, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  // The browser sets Origin to this extension's own; the app checks it against the pairing.
  return fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Something else listens on that port (Scholia always answers JSON, and refusals carry a code). */
class NotScholia extends Error {}

async function answer<T>(res: Response): Promise<T> {
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    throw new NotScholia();
  }
  if (res.ok) return data as T;
  const err = data as { error?: unknown; code?: unknown } | null;
  if (typeof err?.code !== 'string' || typeof err.error !== 'string') throw new NotScholia();
  throw new AppRefusal(err.error, res.status, err.code);
}

/**
 * Sends a request to the paired app: its port first, then the others (the app may
 * have had to take a fallback port this time). A port where nothing listens is
 * skipped; one that refuses the token is remembered in case no other accepts it.
 */
export async function send<T>(path: ClipPath, body: unknown): Promise<T> {
  const pairing = await getPairing();
  const ports = [...new Set([...(pairing ? [pairing.port] : []), ...(await configuredPorts())])];
  let refusal: AppRefusal | undefined;
  for (const port of ports) {
    let res: Response;
    try {
      res = await post(port, path, body, pairing?.token);
    } catch {
      continue; // nothing listens there
    }
    try {
      const result = await answer<T>(res);
      if (pairing && port !== pairing.port) await ext.storage.local.set({ pairing: { ...pairing, port } });
      return result;
    } catch (err) {
      if (err instanceof NotScholia) continue;
      if (err instanceof AppRefusal && err.status === 401) {
        refusal ??= err;
        continue;
      }
      throw err;
    }
  }
  if (refusal) throw refusal;
  throw new AppUnreachable();
}

/** Asks the app to show a pairing code; remembers which port answered. */
export async function startPairing(): Promise<PairStartReply> {
  for (const port of await configuredPorts()) {
    let res: Response;
    try {
      res = await post(port, CLIP_PATHS.pairStart, {});
    } catch {
      continue;
    }
    let reply: PairStartReply;
    try {
      reply = await answer<PairStartReply>(res);
    } catch (err) {
      if (err instanceof NotScholia) continue;
      throw err;
    }
    await ext.storage.local.set({ pairingPort: port });
    return reply;
  }
  throw new AppUnreachable();
}

/** Trades the code the user read in the app for a token, kept in the extension's storage. */
export async function completePairing(code: string): Promise<void> {
  const { pairingPort } = await ext.storage.local.get('pairingPort');
  if (typeof pairingPort !== 'number') throw new AppRefusal('Ask Scholia for a pairing code first.', 400, 'no-code');
  let res: Response;
  try {
    res = await post(pairingPort, CLIP_PATHS.pair, { code });
  } catch {
    throw new AppUnreachable();
  }
  const reply = await answer<PairReply>(res).catch((err: unknown) => {
    throw err instanceof NotScholia ? new AppUnreachable() : err;
  });
  await ext.storage.local.set({ pairing: { token: reply.token, port: pairingPort } });
  await ext.storage.local.remove('pairingPort');
}

export async function unpair(): Promise<void> {
  await ext.storage.local.remove(['pairing', 'pairingPort']);
}
