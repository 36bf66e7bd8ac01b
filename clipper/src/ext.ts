// The WebExtension API in one name for both browsers. Manifest V3 gives
// promise-returning APIs in Chromium (`chrome.*`) and Firefox (`browser.*`),
// so a one-line shim does what webextension-polyfill did for callbacks; only
// the calls this extension makes are typed.

export interface Tab {
  id?: number;
  url?: string;
  title?: string;
}

interface Event<L> {
  addListener(listener: L): void;
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  selectionText?: string;
  pageUrl?: string;
}

export interface WebExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<(message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | void>;
    onInstalled: Event<() => void>;
    onStartup: Event<() => void>;
    getURL(path: string): string;
  };
  storage: {
    local: {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
    onChanged: Event<(changes: Record<string, { newValue?: unknown }>, area: string) => void>;
  };
  tabs: {
    query(q: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>;
    get(id: number): Promise<Tab>;
    create(p: { url: string }): Promise<Tab>;
  };
  scripting: {
    executeScript<R, A extends unknown[] = []>(p: {
      target: { tabId: number };
      func: (...args: A) => R;
      args?: A;
    }): Promise<{ result?: Awaited<R> }[]>;
  };
  contextMenus: {
    create(p: { id: string; title: string; contexts: string[] }): void;
    removeAll(): Promise<void>;
    onClicked: Event<(info: MenuClick, tab?: Tab) => void>;
  };
  commands: { onCommand: Event<(command: string, tab?: Tab) => void> };
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void;
    onAlarm: Event<(alarm: { name: string }) => void>;
  };
  action: {
    setBadgeText(p: { text: string }): Promise<void>;
    setBadgeBackgroundColor(p: { color: string }): Promise<void>;
  };
  extension?: {
    /** Chromium: whether the user let the extension read file:// pages (its details page). */
    isAllowedFileSchemeAccess?(): Promise<boolean>;
  };
  permissions?: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
}

const g = globalThis as unknown as { browser?: WebExtensionApi; chrome?: WebExtensionApi };

export const ext: WebExtensionApi = (g.browser ?? g.chrome)!;
