import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../state/context.js';
import type { BackupInfo } from '../../../electron/core/api.js';
import type { TrashEntry } from '../../../electron/core/model.js';

interface Props {
  onClose(): void;
  onChanged(): void;
  onInfo(message: string): void;
}

/** Trash (restore, empty) and backups (take one now, restore one): the library's safety net. */
export function LibraryDialog({ onClose, onChanged, onInfo }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const api = useApi();
  const [trash, setTrash] = useState<TrashEntry[] | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState('');
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  /** The backup the user asked to restore, until they confirm (it replaces the current library). */
  const [restoring, setRestoring] = useState<string | null>(null);

  const load = async () => {
    try {
      const [t, b] = await Promise.all([api.listTrash(), api.listBackups()]);
      setTrash(t.sort((a, b2) => b2.deletedAt.localeCompare(a.deletedAt)));
      setBackups(b);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => {
    ref.current?.showModal();
    void load();
  }, []);

  const run = async (fn: () => Promise<unknown>, message: string) => {
    setError('');
    try {
      await fn();
      onInfo(message);
      onChanged();
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <dialog ref={ref} class="dialog wide" aria-labelledby="library-dialog-title" onClose={onClose}>
      <h2 id="library-dialog-title">Trash and backups</h2>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="trash-title">
        <h3 id="trash-title">Trash</h3>
        {trash === null ? (
          <p class="muted">Loading…</p>
        ) : trash.length === 0 ? (
          <p class="muted">The trash is empty.</p>
        ) : (
          <>
            <ul class="plain-list">
              {trash.map((t) => (
                <li key={t.id}>
                  <span class="badge">{t.kind}</span> {t.title}{' '}
                  <span class="muted small">deleted {new Date(t.deletedAt).toLocaleString()}</span>{' '}
                  <button
                    type="button"
                    class="link-button small"
                    onClick={() => run(() => api.restoreFromTrash(t.id), `Restored “${t.title}”.`)}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
            {confirmEmpty ? (
              <p>
                Delete {trash.length} item(s) for good? A backup is taken first.{' '}
                <button
                  type="button"
                  class="danger-button"
                  onClick={() => {
                    setConfirmEmpty(false);
                    void run(() => api.emptyTrash(), 'Trash emptied.');
                  }}
                >
                  Empty the trash
                </button>{' '}
                <button type="button" onClick={() => setConfirmEmpty(false)}>
                  Keep
                </button>
              </p>
            ) : (
              <button type="button" onClick={() => setConfirmEmpty(true)}>
                Empty trash…
              </button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="backups-title">
        <h3 id="backups-title">Backups</h3>
        <p class="muted small">
          Scholia keeps rotating backups of your library. Restoring one keeps the current state aside in the library
          folder.
        </p>
        <button type="button" onClick={() => run(() => api.backup(), 'Backup taken.')}>
          Back up now
        </button>
        {backups && backups.length > 0 && (
          <ul class="plain-list">
            {backups.slice(0, 15).map((b) => (
              <li key={b.id}>
                {new Date(b.createdAt).toLocaleString()} · {b.articles} articles · {b.notes} notes · {b.reason}{' '}
                {restoring === b.id ? (
                  <span class="confirm-inline" role="group" aria-label="Confirm restore">
                    Replace your current library with this backup? (The current state is kept aside.){' '}
                    <button
                      type="button"
                      class="danger-button small"
                      ref={(el) => el?.focus()}
                      onClick={() => {
                        setRestoring(null);
                        void run(() => api.restoreBackup(b.id), 'Backup restored.');
                      }}
                    >
                      Restore this backup
                    </button>{' '}
                    <button type="button" class="small" onClick={() => setRestoring(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button type="button" class="link-button small" onClick={() => setRestoring(b.id)}>
                    Restore…
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
