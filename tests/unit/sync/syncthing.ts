// Two Syncthing daemons on 127.0.0.1 that share one folder between two device folders, started for a test.
// Configured by writing config.xml: listening and GUI/REST on loopback only, global discovery, local
// announcements, relays, NAT traversal, STUN, crash and usage reporting and upgrades all off, so no
// traffic leaves the machine.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './apache.js';

export function syncthingMissing(): string | null {
  const r = spawnSync('syncthing', ['--help'], { encoding: 'utf8' });
  return r.error ? 'Syncthing is not installed (apt-get install syncthing)' : null;
}

interface Daemon {
  id: string;
  home: string;
  folder: string;
  listen: number;
  gui: number;
  key: string;
  child?: ChildProcess;
}

export interface SyncthingPair {
  folders: [string, string];
  /** Rescans both folders and waits until each daemon has everything the other has. Returns ms waited. */
  settle(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

const FOLDER_ID = 'scholia-sync';

function tree(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(path.sep).some((part) => part.startsWith('.') || part.startsWith('~')))
    .map((f) => {
      const st = statSync(path.join(dir, f));
      return st.isFile() ? `${f}:${st.size}` : `${f}/`;
    })
    .sort()
    .join('\n');
}

async function rest(d: Daemon, method: string, p: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${d.gui}${p}`, { method, headers: { 'X-API-Key': d.key } });
  if (!res.ok) throw new Error(`syncthing ${p}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

function config(self: Daemon, all: Daemon[]): string {
  const devices = all
    .map(
      (d, i) =>
        `  <device id="${d.id}" name="dev${i}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${d.listen}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`,
    )
    .join('\n');
  return `<configuration version="36">
  <folder id="${FOLDER_ID}" label="scholia" path="${self.folder}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <filesystemType>basic</filesystemType>
${all.map((d) => `    <device id="${d.id}" introducedBy=""></device>`).join('\n')}
    <minDiskFree unit="%">0</minDiskFree>
  </folder>
${devices}
  <gui enabled="true" tls="false" debugging="false"><address>127.0.0.1:${self.gui}</address><apikey>${self.key}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listen}</listenAddress>
    <globalAnnounceServer></globalAnnounceServer>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <stunServer></stunServer>
    <stunKeepaliveStartS>0</stunKeepaliveStartS>
    <urAccepted>-1</urAccepted>
    <urURL></urURL>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <crashReportingURL></crashReportingURL>
    <releasesURL></releasesURL>
    <startBrowser>false</startBrowser>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <progressUpdateIntervalS>1</progressUpdateIntervalS>
  </options>
</configuration>
`;
}

export async function startSyncthingPair(): Promise<SyncthingPair> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'scholia-syncthing-'));
  const env = { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STNORESTART: '1' };
  const daemons: Daemon[] = [];
  for (const name of ['a', 'b']) {
    const home = path.join(root, `home-${name}`);
    const folder = path.join(root, `folder-${name}`);
    mkdirSync(folder, { recursive: true });
    const gen = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], {
      encoding: 'utf8',
      env,
    });
    const id = /Device ID:\s*([A-Z0-9-]+)/.exec(gen.stdout + gen.stderr)?.[1];
    if (!id) throw new Error(`syncthing generate: ${gen.stdout}${gen.stderr}`);
    daemons.push({
      id,
      home,
      folder,
      listen: await freePort(),
      gui: await freePort(),
      key: randomBytes(16).toString('hex'),
    });
  }
  for (const d of daemons) {
    writeFileSync(path.join(d.home, 'config.xml'), config(d, daemons));
    d.child = spawn(
      'syncthing',
      ['serve', `--home=${d.home}`, '--no-browser', '--no-restart', `--logfile=${d.home}/log.txt`],
      {
        env,
        stdio: 'ignore',
      },
    );
  }
  const until = async (what: string, ok: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await ok().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`syncthing: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  for (const d of daemons)
    await until('its REST API', async () => (await rest(d, 'GET', '/rest/system/ping')) !== null, 30_000);
  await until(
    'the two daemons to connect',
    async () => {
      const c = (await rest(daemons[0]!, 'GET', '/rest/system/connections')) as {
        connections: Record<string, { connected: boolean }>;
      };
      return c.connections[daemons[1]!.id]?.connected === true;
    },
    60_000,
  );

  return {
    folders: [daemons[0]!.folder, daemons[1]!.folder],
    async settle(timeoutMs = 60_000) {
      const started = Date.now();
      for (const d of daemons) await rest(d, 'POST', `/rest/db/scan?folder=${FOLDER_ID}`);
      let stable = 0;
      await until(
        'both folders to be in sync',
        async () => {
          for (const [i, d] of daemons.entries()) {
            const other = daemons[1 - i]!;
            const st = (await rest(d, 'GET', `/rest/db/status?folder=${FOLDER_ID}`)) as {
              state: string;
              needTotalItems: number;
              globalFiles: number;
              localFiles: number;
            };
            const comp = (await rest(d, 'GET', `/rest/db/completion?folder=${FOLDER_ID}&device=${other.id}`)) as {
              completion: number;
              needItems: number;
            };
            if (st.state !== 'idle' || st.needTotalItems !== 0 || comp.completion < 100 || comp.needItems !== 0) {
              stable = 0;
              return false;
            }
          }
          // The daemons' own view can look idle for a moment before an index update arrives: the two
          // folders must also hold the same files (names and sizes) as far as Scholia can see them.
          if (tree(daemons[0]!.folder) !== tree(daemons[1]!.folder)) {
            stable = 0;
            return false;
          }
          return ++stable >= 3;
        },
        timeoutMs,
      );
      return Date.now() - started;
    },
    async stop() {
      for (const d of daemons) {
        d.child?.kill('SIGTERM');
        await new Promise((r) => (d.child?.exitCode !== null ? r(null) : d.child.once('exit', r)));
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
