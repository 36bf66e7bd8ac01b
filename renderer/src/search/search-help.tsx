import { useEffect, useRef } from 'preact/hooks';

const ROWS: Array<[string, string]> = [
  ['drone strikes', 'articles, passages and notes with these words, best first (stemmed: “strike” finds “strikes”)'],
  ['"kill Ukrainian civilians"', 'the exact phrase'],
  ['drones -iran', 'leave out results containing a word'],
  ['sanctions OR embargo', 'either word'],
  ['infrastr', 'the word being typed is completed as a prefix'],
  ['tag:ukraine/drones', 'tagged ukraine/drones or any tag inside it'],
  ['source:"Moscow Times"', 'from one outlet'],
  ['type:article  type:passage  type:note', 'one kind of result'],
  ['after:2022-10-01  before:2022-11-01', 'published within dates'],
  ['has:notes', 'only what your notes cite'],
];

export function SearchHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="search-help-title" onClose={onClose}>
      <h2 id="search-help-title">Searching your library</h2>
      <p class="muted">
        Case and accents do not matter. A misspelt word that matches nothing is matched approximately.
      </p>
      <table class="help-table">
        <tbody>
          {ROWS.map(([q, what]) => (
            <tr key={q}>
              <td>
                <code>{q}</code>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
