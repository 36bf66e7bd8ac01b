// Browser mode's HTTP boundary: token, Host and Origin checks, argument validation.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core.js';
import { startWebServer, type WebServer } from '../../electron/web.js';

let dir: string;
let core: Core;
let server: WebServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-web-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the static root');
  core = await openCore({ libraryDir: path.join(dir, 'lib'), mode: 'browser' });
  server = await startWebServer({ api: core.api, staticDir, token: 'a'.repeat(48) });
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw request so Host and Origin can be forged as an attacker would. */
function request(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: {
      Host: `127.0.0.1:${server.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${server.token}`,
      ...headers,
    },
    body: JSON.stringify({ args }),
  });

describe('browser-mode API', () => {
  it('answers a path no URL parser accepts with 404, not a 500', async () => {
    const res = await request('//[::1', { headers: { Host: `127.0.0.1:${server.port}` } });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'not-found' });
  });
  it('listens on 127.0.0.1 only and prints the token in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=a{48}$/);
  });

  it('answers a call with the right token', async () => {
    const res = await api('getInfo', []);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).result).toMatchObject({ name: 'Scholia', mode: 'browser' });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await api('listArticles', [], { Authorization: '' })).status).toBe(401);
    expect((await api('listArticles', [], { Authorization: `Bearer ${'b'.repeat(48)}` })).status).toBe(401);
    expect((await api('listArticles', [], { Authorization: 'Bearer short' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    const res = await api('listArticles', [], { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect((await request('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    expect((await api('listArticles', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('listArticles', [], { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses non-JSON bodies (no cross-site form posts)', async () => {
    const res = await api('listArticles', [], { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('validates arguments before the core sees them', async () => {
    const res = await api('getArticle', [42]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/Invalid request to getArticle/);
    expect((await api('updateArticle', ['a_x', { title: 'x', evil: true }])).status).toBe(400);
    expect((await api('noSuchMethod', [])).status).toBe(404);
  });

  it('serves the renderer with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const res = await request('/', { headers: { Host: `127.0.0.1:${server.port}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // Encoded so that neither the client nor the URL parser removes the dot segments: only the server's guard
    // stands between these and secret.txt beside the static folder.
    for (const escapePath of [
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/x/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const escape = await request(escapePath, { headers: { Host: `127.0.0.1:${server.port}` } });
      expect(escape.status, escapePath).toBe(404);
      expect(escape.body, escapePath).not.toContain('outside the static root');
    }
  });
});
