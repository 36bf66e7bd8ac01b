// This room's part of the ScholiaApi contract (composed in ../api.ts): citations in a
// citation style (CSL), for copying and for exports.
export type CitationOutput = 'text' | 'html' | 'rtf';

/** Where in the article a passage is: a page when the article has pages (PDF), else a paragraph. */
export interface CitationLocator {
  /** A CSL locator label: 'page', 'paragraph', 'section', 'line', 'chapter'... */
  label: string;
  value: string;
}

export interface CitationStyleInfo {
  /** 'apa', 'chicago-author-date'..., or `user-<name>` for styles the user added. */
  id: string;
  title: string;
  builtIn: boolean;
  /** Note styles (Chicago notes-bibliography) cite in footnotes; in-text styles in the sentence. */
  note: boolean;
}

export interface CiteRequest {
  /** Style id (see listCitationStyles); default 'apa'. */
  style?: string;
  /** A CSL style's XML to use once instead of `style` (the CLI's --csl FILE); not kept. */
  styleXml?: string;
  format?: CitationOutput;
  /** A bibliography of these articles (in the style's order). */
  articleIds?: string[];
  /** The quote of this passage with its in-text citation (or note) and its bibliography entry. */
  passageId?: string;
  /** For a passage: the locator to cite; default the page when known, else the paragraph. */
  locator?: CitationLocator;
}

export interface CiteResult {
  style: string;
  format: CitationOutput;
  /** What to put on the clipboard: for a passage, the quote and its citation; else the bibliography. */
  text: string;
  /** For a passage: the in-text citation ("(The Moscow Times, n.d., para. 3)") or the note. */
  citation?: string;
  /** For a passage: its quote. */
  quote?: string;
  /** The bibliography entries, one per article. */
  bibliography: string[];
  /** Each article's citation key, in the order of `articleIds` (or the passage's article). */
  keys: string[];
  /** What could not be cited well (missing date, author...), said plainly. */
  warnings: string[];
}

export interface CiteApi {
  /** Built-in styles first (APA 7, Chicago, MLA 9, Harvard, IEEE, Vancouver), then the user's. */
  listCitationStyles(): Promise<CitationStyleInfo[]>;
  /** Formats a citation or bibliography. Never modifies the library. */
  cite(req: CiteRequest): Promise<CiteResult>;
  /** Adds a .csl file the user chose (kept in the library's settings); replaces one of the same id. */
  addCitationStyle(fileName: string, xml: string): Promise<CitationStyleInfo>;
  removeCitationStyle(id: string): Promise<void>;
}

/** A .csl style the user added, kept in the library's settings (`citationStyles`). */
export interface UserStyle {
  id: string;
  title: string;
  xml: string;
}
