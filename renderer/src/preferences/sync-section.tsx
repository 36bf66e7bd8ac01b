import { useEffect, useState } from 'preact/hooks';
import type { ScholiaApi, SyncStatus } from '../../../electron/core/api.js';

type SyncApiPart = Pick<ScholiaApi, 'getSyncStatus' | 'setSyncTarget' | 'syncNow'>;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/**
 * Preferences → Sync: where this library syncs (a folder a file-sync engine replicates, or a WebDAV URL
 * with its credentials), an optional passphrase for end-to-end encryption, how the last sync went, and
 * Sync now.
 */
export function SyncSection({
  api,
  onMessage: setMessage,
}: {
  api: SyncApiPart;
  /** The dialog's one status line (announced politely; errors shown as errors). */
  onMessage(message: { kind: 'ok' | 'error'; text: string }): void;
}) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [target, setTarget] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  const show = (s: SyncStatus) => {
    setStatus(s);
    setTarget(s.target ?? '');
    setUsername(s.username ?? '');
  };
  useEffect(() => {
    api.getSyncStatus().then(show, (err: Error) => setMessage({ kind: 'error', text: err.message }));
  }, [api]);

  const webdav = /^https?:\/\//i.test(target.trim());

  const save = async () => {
    if (!target.trim()) {
      setMessage({ kind: 'error', text: 'Type the sync folder or the WebDAV URL first.' });
      return;
    }
    setBusy(true);
    try {
      const next = await api.setSyncTarget({
        target: target.trim(),
        ...(webdav ? { username: username.trim() } : {}),
        ...(webdav && password ? { password } : {}),
        ...(passphrase ? { passphrase } : {}),
      });
      show(next);
      setPassword('');
      setPassphrase('');
      setMessage({ kind: 'ok', text: 'Saved: sync target.' });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async () => {
    setBusy(true);
    setMessage({ kind: 'ok', text: 'Syncing…' });
    try {
      const r = await api.syncNow();
      const parts = [`${r.uploadedOps} changes sent`, `${r.receivedOps} received`];
      if (r.conflicts) parts.push(`${r.conflicts} conflicts kept (both versions are in the library)`);
      if (r.pending) parts.push(`${r.pending} items still on their way`);
      setMessage({
        kind: r.warnings.length ? 'error' : 'ok',
        text: `Synced: ${parts.join(', ')}.${r.warnings.length ? ` ${r.warnings.join(' ')}` : ''}`,
      });
    } catch (err) {
      setMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
      api.getSyncStatus().then(setStatus, () => undefined);
    }
  };

  return (
    <section aria-labelledby="prefs-sync">
      <h3 id="prefs-sync">Sync</h3>
      <p class="muted small">
        Sync this library between your devices through a folder that Syncthing, Dropbox, OneDrive or iCloud Drive keeps
        in step, or a WebDAV server such as Nextcloud. Each device writes only its own files there.
      </p>
      <div class="prefs-row">
        <label for="prefs-sync-target">Folder or WebDAV URL</label>
        <input
          id="prefs-sync-target"
          type="text"
          spellcheck={false}
          placeholder="/home/me/Sync/scholia or https://cloud.example.org/remote.php/dav/files/me/scholia"
          value={target}
          onInput={(e) => setTarget(e.currentTarget.value)}
        />
      </div>
      {webdav && (
        <>
          <div class="prefs-row">
            <label for="prefs-sync-user">User name</label>
            <input
              id="prefs-sync-user"
              type="text"
              autocomplete="username"
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
            />
          </div>
          <div class="prefs-row">
            <label for="prefs-sync-password">Password</label>
            <input
              id="prefs-sync-password"
              type="password"
              autocomplete="current-password"
              placeholder={status?.hasPassword ? 'Kept (type to change)' : ''}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
        </>
      )}
      <div class="prefs-row">
        <label for="prefs-sync-passphrase">Encryption passphrase (optional)</label>
        <input
          id="prefs-sync-passphrase"
          type="password"
          autocomplete="new-password"
          aria-describedby="prefs-sync-passphrase-help"
          placeholder={status?.encrypted ? 'Kept (type to change)' : 'None'}
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </div>
      <p id="prefs-sync-passphrase-help" class="muted small">
        With a passphrase, the target holds only encrypted files; use the same one on every device. It cannot be
        recovered if forgotten.
      </p>
      {status && <p class="muted small">Passwords and the passphrase are kept {status.credentialsKept}.</p>}
      <div class="prefs-actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          Save sync settings
        </button>
        <button type="button" class="primary" disabled={busy || !status?.target} onClick={() => void syncNow()}>
          Sync now
        </button>
      </div>
      {status && (
        <dl class="prefs-sync-status" aria-label="Sync status">
          <dt>Last sync</dt>
          <dd>
            {status.lastSync
              ? `${when(status.lastSync.at)}: ${status.lastSync.ok ? 'done' : `failed (${status.lastSync.error ?? status.lastSync.code})`}`
              : 'Never'}
          </dd>
          <dt>Changes waiting to be sent</dt>
          <dd>{status.pendingChanges}</dd>
          <dt>Conflicts kept</dt>
          <dd>{status.conflicts}</dd>
        </dl>
      )}
    </section>
  );
}
