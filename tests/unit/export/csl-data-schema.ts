// The part of the CSL data schema (citation-style-language/schema,
// schemas/input/csl-data.json, v1.0.2) that our CSL-JSON export relies on:
// an array of items, each with an id and a type from the spec's closed list,
// names as {family, given} or {literal}, dates as date-parts, the standard
// string variables. additionalProperties is false so a misspelt variable fails.
const dateVariable = {
  type: 'object',
  properties: {
    'date-parts': {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'array', minItems: 1, maxItems: 3, items: { type: ['string', 'number'] } },
    },
    season: { type: ['string', 'number'] },
    circa: { type: ['string', 'number', 'boolean'] },
    literal: { type: 'string' },
    raw: { type: 'string' },
  },
  additionalProperties: false,
} as const;

const nameVariable = {
  type: 'object',
  properties: {
    family: { type: 'string' },
    given: { type: 'string' },
    'dropping-particle': { type: 'string' },
    'non-dropping-particle': { type: 'string' },
    suffix: { type: 'string' },
    'comma-suffix': { type: ['string', 'number', 'boolean'] },
    'static-ordering': { type: ['string', 'number', 'boolean'] },
    literal: { type: 'string' },
    'parse-names': { type: ['string', 'number', 'boolean'] },
  },
  additionalProperties: false,
} as const;

export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
];

const stringVars = ['citation-key', 'container-title', 'URL', 'language', 'keyword', 'title', 'note', 'publisher', 'abstract', 'DOI', 'source'];

export const cslDataSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  description: 'JSON schema for CSL input data (subset of csl-data.json 1.0.2)',
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: ['string', 'number'] },
      type: { type: 'string', enum: CSL_TYPES },
      ...Object.fromEntries(stringVars.map((v) => [v, { type: 'string' }])),
      author: { type: 'array', items: nameVariable },
      editor: { type: 'array', items: nameVariable },
      issued: dateVariable,
      accessed: dateVariable,
    },
    required: ['type', 'id'],
    additionalProperties: false,
  },
};
