// This room's part of the ScholiaApi contract (composed in ../api.ts).

/**
 * One search result. `snippet` is plain text around the best match with the
 * matched words wrapped in « and » (MARK_OPEN / MARK_CLOSE in snippet.ts);
 * guillemets already in the text appear as ‹ › inside snippets, so every « »
 * is a highlight the renderer can turn into <mark>.
 */
export interface SearchResult {
  type: 'article' | 'passage' | 'note';
  id: string;
  /** Article title, note title; for a passage, its article's title. */
  title: string;
  /** Relevance (higher is better; 0 for filter-only queries, which list newest first). */
  score: number;
  snippet: string;
  /** A passage's article, or the article a note is attached to. */
  articleId?: string;
  source?: string;
  published?: string | null;
  /** Character offset of the best match in the article text or note body (where to scroll), when known. */
  matchOffset?: number;
  /**
   * PDF articles: the page of the match (an article) or the pages of the passage, 1-based in the
   * file; `pageLabel` as the reader shows it ("p. 12", "pp. 12–13", with the PDF's page labels).
   */
  page?: number;
  pageLabel?: string;
}

export interface SearchOptions {
  /** Maximum results (default 20, at most 500). */
  limit?: number;
}

export interface SearchPageOptions {
  /** Results to skip (paging: 0, then the number already shown). Default 0. */
  offset?: number;
  /** Results in this page (default 50, at most 500). */
  limit?: number;
  /** 'relevance' (default): best first; 'date': newest first (publication date, else date added), undated last. */
  sort?: 'relevance' | 'date';
}

/** One page of a full search results view. */
export interface SearchPage {
  results: SearchResult[];
  /** Every document the query matches (for "1-50 of 312"). */
  total: number;
  /** The offset this page starts at. */
  offset: number;
}

export interface SearchApi {
  /**
   * Searches articles (title, text, source, author), passages and notes.
   * Query language: words (ranked, stemmed; documents with more of the words
   * first), "exact phrase", -excluded, a OR b, prefix on the word being typed,
   * typo tolerance when a word matches nothing, and filters tag:x (with
   * sub-tags), source:x, type:article|passage|note, before:YYYY-MM-DD,
   * after:YYYY-MM-DD, has:notes.
   */
  search(query: string, opts?: SearchOptions): Promise<SearchResult[]>;
  /**
   * The same search for a full results view: a page at a time, with the total count, best first or
   * newest first. The query's last word is complete (no prefix matching): this is not typing.
   */
  searchPage(query: string, opts?: SearchPageOptions): Promise<SearchPage>;
}
