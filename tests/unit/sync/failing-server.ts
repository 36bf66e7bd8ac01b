// A tiny WebDAV stand-in on 127.0.0.1 that fails the way real servers do: 500s, no answer at all, or
// 507 Insufficient Storage on every write. Reads answer like an empty share.
import http from 'node:http';
import type net from 'node:net';

export type Failure = 'error-500' | 'timeout' | 'full-507';

export async function startFailingServer(
  failure: Failure,
): Promise<{ url: string; requests: number; stop(): Promise<void> }> {
  const state = { requests: 0 };
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    state.requests++;
    req.resume();
    if (failure === 'timeout') return; // never answers
    if (failure === 'error-500') {
      res.writeHead(500).end('Internal Server Error');
      return;
    }
    // full-507: an empty share that refuses every write.
    if (req.method === 'PROPFIND') {
      res.writeHead(404).end();
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      res.writeHead(404).end();
    } else if (req.method === 'MKCOL') {
      res.writeHead(201).end();
    } else res.writeHead(507, 'Insufficient Storage').end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    get requests() {
      return state.requests;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
