// How components reach the app store: provided once at the root (tests give
// their own store with a fake core).
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ScholiaApi } from '../../../electron/core/api.js';
import type { AppState, AppStore } from './app-store.js';
import type { AppCommand } from './commands.js';
import { useSelect } from './store.js';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('No app store: render inside <StoreContext.Provider>.');
  return store;
}

/** The store's actions (stable: safe in effect dependencies). */
export function useActions(): AppStore['actions'] {
  return useStore().actions;
}

/** The core (window.scholia, or a test's fake) for calls whose errors are shown in place, not as toasts. */
export function useApi(): ScholiaApi {
  return useStore().api();
}

/** A slice of app state; the component re-renders when it changes. */
export function useAppState<T>(select: (s: AppState) => T): T {
  return useSelect(useStore(), select);
}

/** Registers the handler for an app command while the component is mounted. */
export function useCommand(command: AppCommand, handler: () => void): void {
  const actions = useActions();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => actions.registerCommand(command, () => latest.current()), [actions, command]);
}
