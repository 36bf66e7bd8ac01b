// The one field where a tag is typed (selection popover, tag chips, bulk
// tagging, rename): suggestions from the tags in use as you type (combobox,
// arrows + Enter or click), commas for several; a new tag one or two letters
// from an existing one asks first, so `ukraine/drone` does not appear beside
// `ukraine/drones` by accident.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '../state/context.js';
import { nearMiss, normalizeTag, suggestTags } from './suggest.js';
import './tag-input.css';

interface Props {
  label: string;
  placeholder?: string;
  /** Several tags separated by commas (false: one tag, e.g. a rename). */
  multiple?: boolean;
  autoFocus?: boolean;
  /** The tags typed (normalised, at least one). */
  onSubmit(tags: string[]): void;
  onCancel?(): void;
  onBlur?(value: string): void;
  initial?: string;
  /** Tags already on the item, not offered again. */
  exclude?: readonly string[];
}

let fields = 0;

export function TagInput({
  label,
  placeholder,
  multiple = true,
  autoFocus,
  onSubmit,
  onCancel,
  onBlur,
  initial = '',
  exclude = [],
}: Props) {
  const tags = useAppState((s) => s.tags);
  const [value, setValue] = useState(initial);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [warned, setWarned] = useState<string | null>(null);
  const [id] = useState(() => `tag-input-${++fields}`);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // autofocus only works on page load; a field that appears later focuses itself.
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const parts = multiple ? value.split(',') : [value];
  const typing = parts[parts.length - 1] ?? '';
  const others = new Set([...exclude, ...parts.slice(0, -1).map(normalizeTag)]);
  const options = open ? suggestTags(tags, typing).filter((t) => !others.has(t.tag)) : [];
  const miss = nearMiss(tags, typing);

  const pick = (tag: string) => {
    const next = multiple ? [...parts.slice(0, -1).map((p) => p.trim()), tag].filter(Boolean).join(', ') : tag;
    setValue(multiple ? `${next}` : next);
    setActive(-1);
    setOpen(false);
    setWarned(null);
    input.current?.focus();
  };

  const submit = () => {
    const list = parts.map(normalizeTag).filter(Boolean);
    if (!list.length) return;
    const slips = list.map((t) => nearMiss(tags, t)).filter((t): t is string => !!t);
    const key = list.join(',');
    if (slips.length && warned !== key) {
      setWarned(key);
      return;
    }
    setValue('');
    setWarned(null);
    setOpen(false);
    onSubmit([...new Set(list)]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      const o = options[active];
      if (o) pick(o.tag);
      else submit();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (open && options.length) {
        e.preventDefault();
        setOpen(false);
      } else onCancel?.();
    }
  };

  const listId = `${id}-list`;
  const warning =
    warned !== null && miss
      ? `“${normalizeTag(typing)}” would be a new tag; “${miss}” exists. Enter again to create it, or choose “${miss}”.`
      : '';
  return (
    <span class="tag-input">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && options[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={warning ? `${id}-warn` : undefined}
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
          setWarned(null);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur?.(value);
        }}
        onMouseDown={(e) => e.stopPropagation()}
      />
      <ul class="tag-suggestions" id={listId} role="listbox" aria-label="Existing tags" hidden={options.length === 0}>
        {options.map((t, i) => (
          <li
            key={t.tag}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(t.tag);
            }}
          >
            <span>{t.tag}</span>
            <span class="count">{t.count}</span>
          </li>
        ))}
      </ul>
      {warning && (
        <span class="tag-warning" id={`${id}-warn`} role="alert">
          {warning}
          <button
            type="button"
            class="link-button small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => miss && pick(miss)}
          >
            Use {miss}
          </button>
        </span>
      )}
    </span>
  );
}
