import { useState } from 'preact/hooks';
import type { ImportJob } from '../shared/types.js';

/** An encrypted PDF's password, asked for in the import report and sent with the file again. */
function PasswordForm({ path, wrong, onPassword }: { path: string; wrong: boolean; onPassword(p: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="import-password"
      onSubmit={(e) => {
        e.preventDefault();
        // Emptied once sent: a wrong password is typed again from scratch, as in any sign-in form.
        if (value) onPassword(value);
        setValue('');
      }}
    >
      <input
        type="password"
        aria-label={`Password for ${path}`}
        placeholder={wrong ? 'Try another password' : 'Password'}
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="small">
        Unlock
      </button>
    </form>
  );
}

export function ImportProgress({
  job,
  onCancel,
  onClose,
  onImportAnyway,
  onOpenToFetch,
  onPassword,
}: {
  job: ImportJob;
  onCancel(): void;
  onClose(): void;
  /** The user chose to import a file reported as a duplicate. */
  onImportAnyway(path: string): void;
  /** An export left pages to fetch: the user opens the list. */
  onOpenToFetch?(): void;
  /** The user gave the password of an encrypted PDF. */
  onPassword?(path: string, password: string): void;
}) {
  // Failures and duplicates, and single files imported with a warning (a scanned PDF without text).
  const problems = job.results.filter((r) => r.status !== 'imported' || (r.warnings?.length && !r.app));
  // Other apps' exports: what each brought, and what it could not carry over.
  const reports = job.results.filter((r) => r.status === 'imported' && r.app);
  const pending = reports.reduce((n, r) => n + (r.pending ?? 0), 0);
  return (
    <section class="import-panel" role="region" aria-label="Import progress">
      <div class="import-head">
        <strong>
          {job.finished
            ? job.cancelled
              ? 'Import cancelled'
              : 'Import finished'
            : `Importing ${job.done} of ${job.total}…`}
        </strong>
        {job.finished ? (
          <button type="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <progress max={job.total} value={job.done} aria-label="Files imported" />
      <p class="import-counts" data-testid="import-counts">
        {job.imported} imported · {job.duplicate} duplicate · {job.failed} failed
      </p>
      {job.finished && job.results.some((r) => r.updated) && (
        <ul class="import-problems">
          {job.results
            .filter((r) => r.updated)
            .map((r, i) => (
              <li key={i}>
                <span class="file">{r.path}</span>: a newer version of “{r.title}” (same address): its text was
                replaced, highlights {r.updated!.moved} moved, {r.updated!.fuzzy} placed approximately,{' '}
                {r.updated!.orphaned} no longer in the text; the old text is under Versions.
              </li>
            ))}
        </ul>
      )}
      {job.finished && reports.length > 0 && (
        <ul class="import-reports" aria-label="What the exports brought">
          {reports.map((r, i) => (
            <li key={i}>
              <span class="file">{r.path}</span>: {r.title}
              {r.warnings && r.warnings.length > 0 && (
                <ul>
                  {r.warnings.map((w, j) => (
                    <li key={j}>{w}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {job.finished && pending > 0 && onOpenToFetch && (
        <p>
          {pending.toLocaleString()} page(s) wait to be fetched.{' '}
          <button type="button" class="link-button small" onClick={onOpenToFetch}>
            Open “To fetch”
          </button>
        </p>
      )}
      {job.finished && problems.length > 0 && (
        <ul class="import-problems">
          {problems.map((r, i) => (
            <li key={i} class={r.status}>
              <span class="file">{r.path}</span>:{' '}
              {r.status === 'duplicate' ? (
                <>
                  {r.error ? `${r.error}: ` : 'already in your library as '}“{r.title}”{' '}
                  <button type="button" class="link-button small" onClick={() => onImportAnyway(r.path)}>
                    Import anyway
                  </button>
                </>
              ) : r.status === 'imported' ? (
                r.warnings!.join(' ')
              ) : (
                <>
                  {r.error}
                  {r.code?.startsWith('password-') && onPassword && (
                    <PasswordForm
                      path={r.path}
                      wrong={r.code === 'password-wrong'}
                      onPassword={(pw) => onPassword(r.path, pw)}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
