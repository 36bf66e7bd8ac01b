// This room's part of the ScholiaApi contract (composed in ../api.ts).
//
// Tags are hierarchical paths ("ukraine/drones" is inside "ukraine") on
// articles, passages and notes. They are normalised on the way in: trimmed,
// lower-cased, inner spaces collapsed, empty segments dropped ("Ukraine//Drones "
// → "ukraine/drones"), a leading "#" dropped.

export type TagTargetKind = 'article' | 'passage' | 'note';

export interface TagTarget {
  kind: TagTargetKind;
  id: string;
}

export interface TagInfo {
  tag: string;
  /** Items tagged with this tag or any tag inside it (each item counted once). */
  count: number;
  /** Items tagged with exactly this tag. */
  ownCount: number;
  /** `count` by kind: articles, passages (highlights) and notes tagged with it or a tag inside it. */
  articles: number;
  passages: number;
  notes: number;
  /** Colour chosen for the tag (any CSS colour string), when set. */
  color?: string;
}

export interface TagChange {
  /** Items whose tags changed. */
  changed: number;
}

/** A tag offered while the user types one (autocomplete). */
export interface TagSuggestion {
  tag: string;
  /** Items tagged with it or a tag inside it. */
  count: number;
}

/** Everything a tag filter matches, by kind (ids in the library's order). */
export interface TagFilterResult {
  articles: string[];
  passages: string[];
  notes: string[];
}

export interface TagsApi {
  /** Every tag in use, and every ancestor of one, sorted by path. */
  listTags(): Promise<TagInfo[]>;
  addTags(targets: TagTarget[], tags: string[]): Promise<TagChange>;
  /** Removes exactly these tags (tags inside them stay). */
  removeTags(targets: TagTarget[], tags: string[]): Promise<TagChange>;
  /** Renames a tag everywhere; tags inside it follow (a/x → b/x). Renaming onto an existing tag merges. */
  renameTag(from: string, to: string): Promise<TagChange>;
  /** Merges tags into one; tags inside each follow. */
  mergeTags(from: string[], into: string): Promise<TagChange>;
  /** Sets (or, with null, clears) a tag's colour. */
  setTagColor(tag: string, color: string | null): Promise<void>;
  /**
   * Ids of the articles whose tags satisfy a tag expression: tags (with their
   * sub-tags), AND (or juxtaposition), OR, NOT / "-", parentheses:
   * `ukraine AND NOT ukraine/drones`, `(iran OR russia) -archived`.
   */
  filterArticles(expr: string): Promise<string[]>;
  /** Like filterArticles, for every kind: the articles, passages and notes a tag expression matches. */
  filterByTags(expr: string): Promise<TagFilterResult>;
  /**
   * Tags in use that match what the user is typing, for autocomplete: a tag whose path, or one of
   * whose segments, starts with `prefix` (normalised as a tag is; "dro" offers "ukraine/drones"), most
   * used first; with an empty prefix, the most used tags. At most `limit` (default 10).
   */
  suggestTags(prefix: string, limit?: number): Promise<TagSuggestion[]>;
}
