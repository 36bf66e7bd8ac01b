// Plain text files (.txt): decoded, then structured by plain-text.ts.
import { decodeBytes } from './decode.js';
import { structurePlainText } from './plain-text.js';
import type { ImportFormat, ImportInput } from './types.js';
import { ImportError } from './types.js';

export const txtFormat: ImportFormat = {
  id: 'txt',
  extensions: ['txt', 'text'],
  accepts(input: ImportInput) {
    return /\.(?:txt|text)$/i.test(input.name) || (input.mime ?? '').startsWith('text/plain');
  },
  async extract(input) {
    const { text } = decodeBytes(input.bytes, input.name, { mime: input.mime });
    const s = structurePlainText(text, input.name);
    if (!s.text && s.removed.length === 0) throw new ImportError(`${input.name} holds no text (only whitespace)`);
    return {
      articles: [{ ...s, url: input.url ?? '', lang: '', tags: [], original: text, html: '', format: 'txt' }],
      failures: [],
    };
  },
};
