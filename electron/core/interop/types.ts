// The interop room's part of the ScholiaApi contract (composed in ../api.ts): the
// "to fetch" list that other apps' exports leave (pages named only by their link).
// Plain data types only: the renderer imports them through ../api.ts.

/** A page waiting to be fetched, as the "To fetch" list shows it. */
export interface PendingSummary {
  id: string;
  url: string;
  title: string;
  tags: string[];
  /** When it was saved in the app it came from (null when the export did not say). */
  savedAt: string | null;
  /** When it was imported into Scholia. */
  addedAt: string;
  /** Which export it came from: "Pocket (ril_export.html)". */
  origin: string;
  /** 'failed': the last attempt failed, for `error`'s reason; it can be tried again. */
  state: 'waiting' | 'failed';
  error?: string;
  attempts: number;
  /** Highlights the export had for it, placed once its text is fetched. */
  highlights: number;
  read: boolean;
  archived: boolean;
}

export interface ListPendingOptions {
  /** Only entries in this state. */
  state?: 'waiting' | 'failed';
  /** Paging over the list in its order (oldest import first). Default 0 and 200. */
  offset?: number;
  limit?: number;
}

export interface PendingPage {
  /** Entries matching the options, before paging. */
  total: number;
  /** Counts over the whole list. */
  waiting: number;
  failed: number;
  entries: PendingSummary[];
}

/** One entry's outcome in a fetch run. */
export interface FetchOutcome {
  id: string;
  url: string;
  title: string;
  status: 'fetched' | 'duplicate' | 'failed' | 'offline';
  /** The article made (or, for a duplicate, the one already in the library). */
  articleId?: string;
  error?: string;
  /** Highlights placed in the fetched text / kept as orphans. */
  passages?: number;
  orphans?: number;
}

/** Where a fetch run stands (the latest run's, when none is running). */
export interface FetchProgress {
  running: boolean;
  /** Entries in this run. */
  total: number;
  /** Entries finished (fetched, duplicate or failed). */
  done: number;
  fetched: number;
  failed: number;
  /** The page being fetched now. */
  current?: string;
  /** The run stopped because the network is unreachable: the entries wait and nothing was marked failed. */
  offline: boolean;
  cancelled: boolean;
  /** One line for the user. */
  message: string;
  /** Outcomes of this run, in order (the latest 500). */
  outcomes: FetchOutcome[];
}

export interface PendingApi {
  /** The "to fetch" list, paged. */
  listPending(opts?: ListPendingOptions): Promise<PendingPage>;
  /**
   * Starts fetching the given entries (all waiting and failed ones when omitted), one at a time and
   * spaced out; returns at once with the run's progress. A run already going is returned, not doubled.
   */
  fetchPending(ids?: string[]): Promise<FetchProgress>;
  getFetchProgress(): Promise<FetchProgress>;
  /** Stops the run after the page being fetched; the rest stay in the list. */
  cancelFetchPending(): Promise<FetchProgress>;
  /** Removes entries from the list without fetching them. */
  removePending(ids: string[]): Promise<void>;
}
