// This room's part of the ScholiaApi contract (composed in ../api.ts):
// cross-source passages, i.e. where several articles of the library carry
// the same passage (a quote word for word, a sentence with small edits), and
// the two articles side by side.
import type { IsoDate, Passage } from '../model.js';
import type { PassageLinkView } from '../anchor/api.js';

export type SharedKind = 'exact' | 'near';

/** Where another article carries (nearly) the same passage. */
export interface SharedMatch {
  articleId: string;
  title: string;
  source: string;
  /** Offsets into the OTHER article's canonical text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** 1 for the same words and punctuation; lower as the wording drifts apart. */
  similarity: number;
  /** 'exact': the same text (case, quote style and spacing aside); 'near': the same passage with small edits. */
  kind: SharedKind;
}

/** A span of THIS article that other articles share, with where each carries it. */
export interface SharedPassage {
  /** Offsets into this article's canonical text. Spans do not overlap. */
  start: number;
  end: number;
  text: string;
  matches: SharedMatch[];
}

export interface SharedPassagesOptions {
  /** Shortest shared passage, in words (default 8, at least 8). */
  minWords?: number;
}

export interface ComparedArticle {
  id: string;
  title: string;
  source: string;
  published: IsoDate | null;
}

/** One passage both articles carry: offsets into a's text and into b's text. */
export interface ComparePair {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
  kind: SharedKind;
}

export interface Comparison {
  a: ComparedArticle;
  b: ComparedArticle;
  /** Ordered by aStart. A span of one side may pair with several of the other (a quote carried twice). */
  pairs: ComparePair[];
}

/** Another article that carries a highlighted passage's words. */
export interface AlsoInMatch {
  articleId: string;
  title: string;
  source: string;
  /** Offsets into the other article's canonical text: its counterpart of the passage. */
  start: number;
  end: number;
  text: string;
  /** How much of the passage it carries and how closely (0..1). */
  similarity: number;
}

/** A group of articles about one event, confirmed and named by the user. */
export interface Story {
  id: string;
  name: string;
  /** Its articles (those still in the library). */
  articleIds: string[];
  /** The user's notes on the story (Markdown), carried into its report. */
  notes?: string;
  createdAt: string;
  updatedAt: string;
}

/** A group the library proposes from shared passages, text similarity and dates; not stored until confirmed. */
export interface StoryProposal {
  /** The earliest article's title, as a name to start from. */
  name: string;
  articleIds: string[];
  /** Pairs of its articles that share passages (evidence strength, for ordering). */
  linkedPairs: number;
}

export interface StoryInput {
  /** Absent: a new story. */
  id?: string;
  name: string;
  articleIds: string[];
  notes?: string;
}

/** One article of a story, in publication order. */
export interface StoryArticle {
  id: string;
  title: string;
  source: string;
  published: IsoDate | null;
  url: string;
  /** Earlier articles of the story whose words this one carries (word count), the evidence of who may have copied whom. */
  carriesFromEarlier: { articleId: string; words: number }[];
}

/** One outlet's copy of a quoted statement. */
export interface QuoteCarrier {
  articleId: string;
  start: number;
  end: number;
  text: string;
  /** 'verbatim': the same words (typography aside) or an excerpt of them; 'altered': near-verbatim with changes. */
  kind: 'verbatim' | 'altered';
  speaker: string;
}

/** A quoted statement and the articles that carry it. */
export interface StoryQuote {
  text: string;
  speaker: string;
  carriers: QuoteCarrier[];
}

/** Sentences of an article that no other article of the story carries. */
export interface StoryAddition {
  articleId: string;
  sentences: { start: number; end: number; text: string }[];
}

/** A near-identical passage of two articles, diffed word by word ('del': only in a; 'add': only in b). */
export interface StoryDiff {
  aId: string;
  bId: string;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  similarity: number;
  pieces: { op: 'same' | 'add' | 'del'; text: string }[];
}

export interface StoryView {
  story: Story;
  /** Ordered by publication time (unknown dates last). */
  articles: StoryArticle[];
  quotes: StoryQuote[];
  additions: StoryAddition[];
  diffs: StoryDiff[];
  /** Spans of each article that another article of the story carries (exact or near). */
  shared: { articleId: string; start: number; end: number; kind: SharedKind }[];
  /** The user's highlights in the story's articles. */
  passages: Passage[];
  /** Typed links touching those highlights. */
  links: PassageLinkView[];
}

export type StoryReportFormat = 'html' | 'markdown';

export interface StoryReport {
  filename: string;
  mime: string;
  content: string;
}

/** A story with how many articles it holds (the sidebar's list). */
export interface StorySummary extends Story {
  count: number;
}

export interface StoriesApi {
  listStories(): Promise<StorySummary[]>;
  /** Groups of articles that seem to report one event and are not a story yet, best first. */
  proposeStories(): Promise<StoryProposal[]>;
  /** Creates (confirms a proposal) or changes a story: name, articles, notes. */
  saveStory(input: StoryInput): Promise<Story>;
  /** Moves some articles of a story into a new story of their own. */
  splitStory(id: string, articleIds: string[], name: string): Promise<Story[]>;
  /** One story of all the given stories' articles (the first keeps its id). */
  mergeStories(ids: string[], name?: string | null): Promise<Story>;
  deleteStory(id: string): Promise<void>;
  /** Everything the story view shows: timeline, quote matrix, additions, diffs, highlights and links. */
  getStoryView(id: string): Promise<StoryView>;
  /** The story as a comparison report (sanitized HTML or Markdown). */
  exportStory(id: string, format: StoryReportFormat): Promise<StoryReport>;
}

export interface CrossrefApi extends StoriesApi {
  /** The spans of an article that other articles of the library share, in text order. */
  sharedPassages(articleId: string, opts?: SharedPassagesOptions): Promise<SharedPassage[]>;
  /** Two articles side by side: the passages they share, with offsets into both. */
  compareArticles(aId: string, bId: string): Promise<Comparison>;
  /** Other articles carrying a highlighted passage (e.g. the same quote in another outlet), best first. */
  passageAlsoIn(passageId: string): Promise<AlsoInMatch[]>;
}
