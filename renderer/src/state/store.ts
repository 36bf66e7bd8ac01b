// A minimal observable store: one state object, replaced (never mutated) by
// set(); components read slices of it with useSelect and re-render only when
// their slice changes. Small enough to read in a minute; no framework.
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(fn: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...next };
      for (const fn of [...listeners]) fn();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** The slice `select` picks from the store; the component re-renders when it changes (by identity). */
export function useSelect<S, T>(store: Store<S>, select: (s: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = select(store.get());
  const last = useRef(selected);
  last.current = selected;
  const selectRef = useRef(select);
  selectRef.current = select;
  useLayoutEffect(() => {
    const check = () => {
      if (!Object.is(selectRef.current(store.get()), last.current)) rerender(0);
    };
    const off = store.subscribe(check);
    check(); // a change between render and subscribing
    return off;
  }, [store]);
  return selected;
}
