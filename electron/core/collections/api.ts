// This room's part of the ScholiaApi contract (composed in ../api.ts): collections, i.e. saved
// searches and saved tag filters, kept in the library and shown in the sidebar. A collection holds
// the question, not the answer: opening one runs it again (search / searchPage for a query,
// filterByTags for a tag filter), so it always shows the library as it is.
import type { IsoDate } from '../model.js';

export interface Collection {
  id: string;
  name: string;
  /** A search in the search box's query language (`drones tag:ukraine after:2022`)… */
  query?: string;
  /** …or a tag expression (`ukraine AND NOT ukraine/drones`). Exactly one of the two. */
  tagFilter?: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface CollectionInput {
  /** Given: updates that collection; omitted: creates one. */
  id?: string;
  name: string;
  query?: string;
  tagFilter?: string;
}

export interface CollectionsApi {
  /** The saved collections, by name. */
  listCollections(): Promise<Collection[]>;
  /**
   * Creates or updates a collection. Refused with a clear message: an empty or taken name, neither
   * or both of query and tagFilter, a query or tag filter that cannot be read.
   */
  saveCollection(input: CollectionInput): Promise<Collection>;
  deleteCollection(id: string): Promise<void>;
}
