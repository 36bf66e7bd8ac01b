// Help → Documentation: the user guide (guide.md beside this file, bundled into
// the renderer at build time), shown in the app, offline, in the desktop app and
// browser mode alike. Rendered like a note's preview (marked, then DOMPurify's
// allow-list), though the guide is ours.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import guide from './guide.md?raw';
import { renderMarkdown } from '../notes/markdown.js';
import './guide.css';

export function GuideDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const html = useMemo(() => renderMarkdown(guide), []);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="dialog guide" aria-labelledby="guide-title" onClose={onClose}>
      <div class="guide-head">
        <h2 id="guide-title">Documentation</h2>
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      {/* Sanitized by DOMPurify in renderMarkdown. */}
      <div class="guide-body" tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
    </dialog>
  );
}
