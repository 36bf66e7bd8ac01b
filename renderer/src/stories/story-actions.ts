// The store's actions for stories across outlets: the sidebar's list, the
// story view in the reader's place, and confirming a proposed story.
// Composed into the store's actions by app-store.ts, like library-actions.ts.
import type { ScholiaApi, StoryInput, StorySummary } from '../../../electron/core/api.js';

export interface StoryState {
  /** The story view open in the reader's place (nonce: reopening reloads it). */
  story: { id: string; nonce: number } | null;
  /** The library's stories, for the sidebar. */
  stories: StorySummary[];
}

export const initialStoryState: StoryState = { story: null, stories: [] };

interface Deps {
  get(): StoryState;
  set(patch: Partial<StoryState> & { compare?: null; searchView?: null }): void;
  call<T>(fn: (api: ScholiaApi) => Promise<T>): Promise<T | undefined>;
  success(text: string): void;
}

export function storyActions(d: Deps) {
  const refreshStories = async (): Promise<void> => {
    const list = await d.call((a) => a.listStories());
    if (list) d.set({ stories: list });
  };
  return {
    refreshStories,
    openStory(id: string): void {
      d.set({ story: { id, nonce: Date.now() }, compare: null, searchView: null });
    },
    closeStory(): void {
      d.set({ story: null });
    },
    /** Saves (confirms, renames, regroups) a story; the sidebar and an open view catch up. */
    async saveStory(input: StoryInput): Promise<string | undefined> {
      const saved = await d.call((a) => a.saveStory(input));
      if (!saved) return undefined;
      await refreshStories();
      const open = d.get().story;
      if (open?.id === saved.id) d.set({ story: { id: saved.id, nonce: Date.now() } });
      return saved.id;
    },
    async deleteStory(id: string): Promise<void> {
      const done = await d.call(async (a) => {
        await a.deleteStory(id);
        return true;
      });
      if (!done) return;
      if (d.get().story?.id === id) d.set({ story: null });
      await refreshStories();
      d.success('Story removed (its articles stay in the library).');
    },
  };
}
