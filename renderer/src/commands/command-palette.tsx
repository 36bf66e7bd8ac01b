import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommandId, CommandSpec, Platform } from '../../../electron/shared/commands.js';
import { shortcutLabel } from './keys.js';
import { filterCommands } from './palette-filter.js';

interface Props {
  commands: readonly CommandSpec[];
  platform: Platform;
  isEnabled(c: CommandSpec): boolean;
  onRun(id: CommandId): void;
  onClose(): void;
}

/** Every command with its shortcut; type to filter, arrows to choose, Enter to run, Escape to close. */
export function CommandPalette({ commands, platform, isEnabled, onRun, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const run = (c: CommandSpec | undefined) => {
    if (!c || !isEnabled(c)) return;
    ref.current?.close();
    onRun(c.id as CommandId);
  };

  return (
    <dialog ref={ref} class="dialog palette" aria-label="Command palette" onClose={onClose}>
      <input
        type="text"
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? `palette-${shown[active]!.id}` : undefined}
        placeholder="Type a command…"
        value={query}
        autoFocus
        onInput={(e) => {
          // Reset with the query in the same update: an arrow key right after typing must not be undone.
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(shown.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Home' && e.ctrlKey) {
            setActive(0);
          } else if (e.key === 'End' && e.ctrlKey) {
            setActive(shown.length - 1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[active]);
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" ref={listRef} class="palette-list">
        {shown.map((c, i) => {
          const keys = c.keys?.[platform];
          const enabled = isEnabled(c);
          return (
            <li
              key={c.id}
              id={`palette-${c.id}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              aria-disabled={!enabled}
              class={`palette-item${i === active ? ' active' : ''}${enabled ? '' : ' disabled'}`}
              onMouseMove={() => setActive(i)}
              onClick={() => run(c)}
            >
              <span class="palette-title">{c.title}</span>
              {keys && <kbd class="palette-keys">{shortcutLabel(keys, platform)}</kbd>}
            </li>
          );
        })}
        {shown.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" class="palette-empty">
            No command matches “{query}”
          </li>
        )}
      </ul>
    </dialog>
  );
}
