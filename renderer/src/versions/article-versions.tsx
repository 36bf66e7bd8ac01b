// Newer versions of an article: "Update from file…" and "Update from its web
// page" replace the text (highlights move with it), and "Versions" lists the
// earlier texts, each with a diff to the current text: outlets edit articles
// silently, and what changed is research material.
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ArticleDetail,
  ArticleUpdateReport,
  ArticleVersionInfo,
  ArticleVersionView,
  TextDiffPiece,
} from '../../../electron/core/api.js';
import { IMPORT_ACCEPT, readFile } from '../import/files.js';
import { formatDate, plural } from '../shared/format.js';
import { useActions, useApi } from '../state/context.js';
import './versions.css';

export function ArticleVersions({ article }: { article: ArticleDetail }) {
  const api = useApi();
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);
  const [versions, setVersions] = useState<ArticleVersionInfo[]>([]);
  const [open, setOpen] = useState<{ report?: ArticleUpdateReport } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .listArticleVersions(article.id)
      .then((v) => live && setVersions(v))
      .catch(() => live && setVersions([]));
    return () => {
      live = false;
    };
  }, [article.id, article.contentHash]);

  const done = async (r: ArticleUpdateReport | undefined) => {
    setBusy(false);
    if (!r) return;
    if (!r.changed) return actions.info('The new version has the same text: nothing changed.');
    const { moved, fuzzy, orphaned } = r.report;
    actions.success(
      `Text updated: highlights ${moved} moved, ${fuzzy} placed approximately, ${orphaned} no longer in the text.`,
    );
    await actions.articleChanged();
    setOpen({ report: r });
  };

  return (
    <>
      <button type="button" class="link-button" disabled={busy} onClick={() => input.current?.click()}>
        Update from file…
      </button>
      {article.url && (
        <button
          type="button"
          class="link-button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void actions.call((a) => a.updateArticleFromUrl(article.id, null)).then(done);
          }}
        >
          Update from its web page
        </button>
      )}
      {versions.length > 0 && (
        <button type="button" class="link-button" onClick={() => setOpen({})}>
          Versions ({versions.length})
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        class="visually-hidden"
        aria-label="Choose a newer version of this article"
        data-testid="update-article-input"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (!f) return;
          setBusy(true);
          void readFile(f)
            .then((file) => actions.call((a) => a.updateArticleFromFile(article.id, file)))
            .then(done);
        }}
      />
      {open && (
        <VersionsDialog
          articleId={article.id}
          title={article.title}
          versions={versions}
          report={open.report}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

function Diff({ pieces }: { pieces: TextDiffPiece[] }) {
  return (
    <div class="version-diff" data-testid="version-diff">
      {pieces.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'del' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <ins key={i}>{p.text}</ins>
        ),
      )}
    </div>
  );
}

function VersionsDialog({
  articleId,
  title,
  versions,
  report,
  onClose,
}: {
  articleId: string;
  title: string;
  versions: ArticleVersionInfo[];
  report?: ArticleUpdateReport;
  onClose(): void;
}) {
  const api = useApi();
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<ArticleVersionView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => ref.current?.showModal(), []);
  const show = (id: string) =>
    api
      .getArticleVersion(articleId, id)
      .then(setChosen)
      .catch((err: Error) => setError(err.message));
  const changes = (pieces: TextDiffPiece[]) => pieces.filter((p) => p.op !== 'same').length;
  return (
    <dialog ref={ref} class="dialog versions-dialog" aria-labelledby="versions-title" onClose={onClose}>
      <h2 id="versions-title">Versions of “{title}”</h2>
      {report && (
        <section aria-label="What the update changed">
          <p>
            The text was replaced by the newer version ({plural(changes(report.diff), 'change')}); highlights:{' '}
            {report.report.moved} moved, {report.report.fuzzy} placed approximately, {report.report.orphaned} no longer
            in the text (kept, listed under the article). The old text is kept below.
          </p>
          <Diff pieces={report.diff} />
        </section>
      )}
      <h3>Earlier texts</h3>
      {versions.length === 0 && !report ? (
        <p class="muted">No earlier text.</p>
      ) : (
        <ul class="versions-list">
          {versions.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                class="link-button"
                aria-pressed={chosen?.id === v.id}
                onClick={() => void show(v.id)}
              >
                Until {formatDate(v.replacedAt)} ({plural(v.words, 'word')})
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="filter-error" role="alert">
          {error}
        </p>
      )}
      {chosen && (
        <section aria-label="Changes since this version">
          <h3>From that version to the current text</h3>
          <Diff pieces={chosen.diff} />
        </section>
      )}
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
