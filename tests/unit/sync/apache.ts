// Apache httpd with mod_dav on 127.0.0.1, started for a test in a temporary ServerRoot with basic auth
// (no system service, nothing outside the temp folder). When the tests run as root, Apache's workers run
// as nobody (httpd will not serve as root) and the DAV folder is handed to them.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HTTPD = ['/usr/sbin/apache2', '/usr/sbin/httpd'].find((p) => existsSync(p));
const MODULES = ['/usr/lib/apache2/modules', '/usr/lib64/httpd/modules', '/usr/lib/httpd/modules'].find((p) =>
  existsSync(path.join(p, 'mod_dav_fs.so')),
);

/** Why the Apache tests cannot run here, or null when they can. */
export function apacheMissing(): string | null {
  if (!HTTPD) return 'Apache httpd is not installed (apt-get install apache2)';
  if (!MODULES) return 'mod_dav_fs is not installed with Apache';
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

export interface Apache {
  url: string;
  user: string;
  password: string;
  root: string;
  /** The folder the DAV share serves (to damage files in tests). */
  davDir: string;
  stop(): Promise<void>;
}

export async function startApache(opts: { quotaBytes?: number } = {}): Promise<Apache> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholia-httpd-'));
  const davDir = path.join(root, 'dav');
  mkdirSync(davDir);
  mkdirSync(path.join(root, 'lock'));
  const port = await freePort();
  const user = 'scholia';
  const password = 'pw-' + Math.random().toString(36).slice(2);
  writeFileSync(path.join(root, 'htpasswd'), `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);
  const asRoot = process.getuid?.() === 0;
  const mods = [
    'mpm_event',
    'authn_core',
    'authn_file',
    'auth_basic',
    'authz_core',
    'authz_user',
    'dav',
    'dav_fs',
    'alias',
  ];
  const conf = [
    `ServerRoot "${root}"`,
    `Listen 127.0.0.1:${port}`,
    `ServerName 127.0.0.1`,
    `PidFile "${root}/httpd.pid"`,
    `ErrorLog "${root}/error.log"`,
    `LogLevel warn`,
    ...mods.map((m) => `LoadModule ${m}_module "${MODULES}/mod_${m}.so"`),
    asRoot ? 'User nobody' : '',
    asRoot ? 'Group nogroup' : '',
    `DavLockDB "${root}/lock/DavLock"`,
    `Timeout 30`,
    `LimitRequestBody ${opts.quotaBytes ?? 0}`,
    `Alias /dav "${davDir}"`,
    `<Directory />`,
    `  AllowOverride None`,
    `</Directory>`,
    `<Directory "${davDir}">`,
    `  AllowOverride None`,
    `  Dav On`,
    `  AuthType Basic`,
    `  AuthName "scholia-test"`,
    `  AuthBasicProvider file`,
    `  AuthUserFile "${root}/htpasswd"`,
    `  Require valid-user`,
    `</Directory>`,
  ].join('\n');
  writeFileSync(path.join(root, 'httpd.conf'), conf);
  if (asRoot) {
    const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
    const nogroup = spawnSync('getent', ['group', 'nogroup'], { encoding: 'utf8' });
    const uid = Number(nobody.stdout.trim());
    const gid = Number(nogroup.stdout.split(':')[2]);
    chmodSync(root, 0o755);
    chownSync(davDir, uid, gid);
    chownSync(path.join(root, 'lock'), uid, gid);
  }
  const child = spawn(HTTPD!, ['-f', path.join(root, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, APACHE_RUN_DIR: root, APACHE_LOCK_DIR: root, APACHE_LOG_DIR: root },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `httpd exited: ${stderr}${existsSync(`${root}/error.log`) ? readFileSync(`${root}/error.log`, 'utf8') : ''}`,
      );
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`httpd did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/dav/`,
    user,
    password,
    root,
    davDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!process.env.KEEP_HTTPD) rmSync(root, { recursive: true, force: true });
    },
  };
}
