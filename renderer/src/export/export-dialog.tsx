import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../state/context.js';
import type { CitationStyleInfo, ExportFormatInfo, ExportScope } from '../../../electron/core/api.js';
import type { NoteMeta } from '../../../electron/core/model.js';
import { canPickFolder, download, printHtml, saveToFolder } from './save-files.js';

interface Props {
  articleId: string | null;
  articleTitle: string | null;
  notes: NoteMeta[];
  /** Articles chosen in the library's Select mode, offered (and preselected) as the scope. */
  selectedIds?: string[];
  onClose(): void;
  onInfo(message: string): void;
}

type ScopeKind = 'all' | 'article' | 'note' | 'tag' | 'selected';

/** Formats that can turn passage links into quotes with citations and a bibliography; Word always does. */
const CITING_FORMATS = new Set(['md', 'html', 'pdf', 'docx']);
const ALWAYS_CITES = new Set(['docx']);

/** Export: format, scope, destination; progress while files are written. */
export function ExportDialog({ articleId, articleTitle, notes, selectedIds = [], onClose, onInfo }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const api = useApi();
  const [formats, setFormats] = useState<ExportFormatInfo[]>([]);
  const [format, setFormat] = useState('md');
  const [scope, setScope] = useState<ScopeKind>(selectedIds.length ? 'selected' : 'all');
  const [noteId, setNoteId] = useState(notes[0]?.id ?? '');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [styles, setStyles] = useState<CitationStyleInfo[]>([]);
  // '' = passages stay quotes with their Scholia links (not offered for Word, which always cites).
  const [citeStyle, setCiteStyle] = useState('');
  const [keepLinks, setKeepLinks] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
    api.listExportFormats().then(setFormats, (e: Error) => setError(e.message));
    api.listCitationStyles().then(setStyles, (e: Error) => setError(e.message));
  }, []);

  const chosen = formats.find((f) => f.id === format);
  const cites = CITING_FORMATS.has(format);
  const style = citeStyle || (ALWAYS_CITES.has(format) ? 'apa' : '');
  const run = async () => {
    setError('');
    const s: ExportScope =
      scope === 'selected' && selectedIds.length
        ? { articleIds: selectedIds }
        : scope === 'article' && articleId
          ? { articleIds: [articleId] }
          : scope === 'note' && noteId
            ? { noteIds: [noteId] }
            : scope === 'tag' && tag.trim()
              ? { tag: tag.trim() }
              : { all: true };
    try {
      setBusy('Preparing the export…');
      const citations = cites && style ? { style, keepLinks } : undefined;
      const result = await api.exportData({ format: chosen!.id, scope: s, ...(citations ? { citations } : {}) });
      if (result.files.length === 0) throw new Error('Nothing to export in this scope.');
      // What could not be cited is said, not written as a broken link.
      const cannotCite = result.warnings?.length ? ` Not cited: ${result.warnings.join('; ')}` : '';
      const pdf = result.files.find((f) => f.printToPdf);
      if (pdf && window.scholiaDesktop) {
        const saved = await window.scholiaDesktop.printToPdf(pdf.text ?? '', pdf.path);
        if (saved) onInfo(`Exported ${saved}.${cannotCite}`);
      } else if (pdf) {
        printHtml(pdf.text ?? '');
        onInfo(`Choose “Save as PDF” in the print dialog.${cannotCite}`);
      } else if (result.files.length > 1 && canPickFolder()) {
        const n = await saveToFolder(result.files, (done) =>
          setBusy(`Writing ${done} of ${result.files.length} files…`),
        );
        onInfo(`Exported ${n} files.${cannotCite}`);
      } else {
        result.files.forEach(download);
        onInfo(
          (result.files.length === 1
            ? `Exported ${result.files[0]!.path}.`
            : `Exported ${result.files.length} files.`) + cannotCite,
        );
      }
      ref.current?.close();
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export</h2>
      <fieldset class="choices">
        <legend>Format</legend>
        {formats.map((f) => (
          <label key={f.id}>
            <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            {f.label} <span class="muted small">{f.output === 'folder' ? 'folder' : `.${f.extension}`}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>What to export</legend>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          The whole library
        </label>
        {selectedIds.length > 0 && (
          <label>
            <input type="radio" name="scope" checked={scope === 'selected'} onChange={() => setScope('selected')} />
            The {selectedIds.length === 1 ? 'selected article' : `${selectedIds.length} selected articles`}
          </label>
        )}
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'article'}
            disabled={!articleId}
            onChange={() => setScope('article')}
          />
          This article{articleTitle ? `: ${articleTitle}` : ''}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'note'}
            disabled={notes.length === 0}
            onChange={() => setScope('note')}
          />
          One note{' '}
          <select aria-label="Note to export" value={noteId} onChange={(e) => setNoteId(e.currentTarget.value)}>
            {notes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'tag'} onChange={() => setScope('tag')} />
          Everything tagged{' '}
          <input
            type="text"
            aria-label="Tag to export"
            placeholder="ukraine/drones"
            value={tag}
            onInput={(e) => {
              setTag(e.currentTarget.value);
              setScope('tag');
            }}
          />
        </label>
      </fieldset>
      {cites && (
        <fieldset class="choices">
          <legend>Citations</legend>
          <label>
            Cite quoted passages{' '}
            <select aria-label="Citation style" value={style} onChange={(e) => setCiteStyle(e.currentTarget.value)}>
              {!ALWAYS_CITES.has(format) && <option value="">No, keep Scholia links</option>}
              {styles.map((st) => (
                <option key={st.id} value={st.id}>
                  {st.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={keepLinks}
              disabled={!style}
              onChange={(e) => setKeepLinks(e.currentTarget.checked)}
            />
            Keep Scholia links beside the citations
          </label>
        </fieldset>
      )}
      {busy && (
        <p role="status" class="muted">
          {busy}
        </p>
      )}
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={!chosen || Boolean(busy)} onClick={run}>
          Export
        </button>
      </div>
    </dialog>
  );
}
