// CodeMirror 6 Markdown editor, wrapped for Preact. The document is owned by
// CodeMirror; changes are reported upward, a new noteId resets the document.
import { useEffect, useRef } from 'preact/hooks';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/** Markdown colours from the app's CSS variables, so light and dark themes both stay readable. */
const markdownStyle = HighlightStyle.define([
  { tag: t.heading, fontWeight: '700', color: 'var(--text)' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.link, color: 'var(--accent)' },
  { tag: t.url, color: 'var(--muted)' },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: 'var(--muted)' },
  { tag: t.quote, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.monospace, color: 'var(--text)' },
]);

interface Props {
  docId: string;
  value: string;
  onChange(value: string): void;
  label: string;
  /** Filled with the live EditorView, so other panes can insert text at the cursor. */
  viewRef?: { current: EditorView | null };
}

/** Inserts text at the cursor (replacing the selection) and focuses the editor. */
export function insertAtCursor(view: EditorView, text: string): void {
  const { from, to } = view.state.selection.main;
  const before = from > 0 ? view.state.sliceDoc(from - 1, from) : '';
  const lead = before && !/\s/.test(before) ? ' ' : '';
  view.dispatch({
    changes: { from, to, insert: lead + text },
    selection: { anchor: from + lead.length + text.length },
    scrollIntoView: true,
  });
  view.focus();
}

export function MarkdownEditor({ docId, value, onChange, label, viewRef }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        markdown(),
        syntaxHighlighting(markdownStyle),
        EditorView.lineWrapping,
        placeholder('Write your note in Markdown…'),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChangeRef.current(u.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    if (viewRef) viewRef.current = view.current;
    return () => {
      view.current?.destroy();
      view.current = null;
      if (viewRef) viewRef.current = null;
    };
    // A different note is a different document: recreate the editor.
  }, [docId]);

  return <div class="editor" ref={host} data-testid="note-editor" />;
}
