import { useEffect, useState } from 'preact/hooks';
import type { AppInfo, BackupInfo, DoctorReport } from '../../../electron/core/api.js';
import { formatDate } from '../shared/format.js';

/** Shown instead of the library when it cannot be opened: what is wrong, and the backups to restore. */
export function RecoveryScreen({ info, onRecovered }: { info: AppInfo; onRecovered(): void }) {
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    window.scholia.doctor().then(setReport, () => setReport(null));
    window.scholia.listBackups().then(setBackups, (e: Error) => setError(e.message));
  }, []);

  const restore = async (id?: string) => {
    setBusy(true);
    setError('');
    try {
      await window.scholia.restoreBackup(id);
      onRecovered();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Scholia cannot open your library</h1>
      <p class="recovery-problem" role="alert">
        {info.recovery?.problem}
      </p>
      <p>
        Nothing has been changed or deleted. The library folder is <code>{info.libraryDir}</code>.
      </p>
      {report && report.problems.length > 0 && (
        <section>
          <h2>What is wrong</h2>
          <ul>
            {report.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Backups</h2>
        {backups === null ? (
          <p class="muted">Looking for backups…</p>
        ) : backups.length === 0 ? (
          <p>
            There are no backups of this library. Copy the folder somewhere safe before trying to repair it by hand.
          </p>
        ) : (
          <>
            <p>
              Restoring replaces the library with a backup; the current, damaged state is kept aside in the library
              folder, never deleted.
            </p>
            <button type="button" class="primary" disabled={busy} onClick={() => void restore()}>
              Restore the newest backup ({formatDate(backups[0]!.createdAt)}, {backups[0]!.articles} articles,{' '}
              {backups[0]!.notes} notes)
            </button>
            <ul class="backup-list">
              {backups.slice(1, 12).map((b) => (
                <li key={b.id}>
                  {new Date(b.createdAt).toLocaleString()} · {b.articles} articles · {b.notes} notes · {b.reason}{' '}
                  <button type="button" class="link-button small" disabled={busy} onClick={() => void restore(b.id)}>
                    Restore this one
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
