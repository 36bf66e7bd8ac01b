// View settings that survive a restart (library sort, pane
// sizes): small JSON values in localStorage, which Electron keeps per profile
// and browser mode per origin. Tests pass an in-memory store.
export interface SettingsStore {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

export function localSettings(prefix = 'scholia.'): SettingsStore {
  return {
    get<T>(key: string, fallback: T): T {
      try {
        const raw = globalThis.localStorage?.getItem(prefix + key);
        return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T);
      } catch {
        return fallback;
      }
    },
    set(key, value) {
      try {
        globalThis.localStorage?.setItem(prefix + key, JSON.stringify(value));
      } catch {
        // A full or disabled storage costs the remembered setting, nothing else.
      }
    },
  };
}

export function memorySettings(initial: Record<string, unknown> = {}): SettingsStore {
  const values = new Map(Object.entries(initial));
  return {
    get: <T>(key: string, fallback: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    set: (key, value) => void values.set(key, value),
  };
}
