// This room's part of the ScholiaApi contract (composed in ../api.ts).
// Add methods here; add their argument schemas to contract.ts beside this file.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchApi {}
