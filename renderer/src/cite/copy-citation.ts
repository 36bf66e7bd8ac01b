// "Copy as citation" for the passage card, the library's selection and the command table: one
// remembered style (the one last picked in the Article details dialog) and one way onto the
// clipboard (plain text, plus HTML so italics survive a paste into Word or Docs).
import type { CiteRequest, CiteResult } from '../../../electron/core/api.js';
import { localSettings } from '../state/settings.js';

const STYLE_KEY = 'citationStyle';
const settings = localSettings();

/** The style "Copy as citation" uses: the one last chosen in the details dialog, else APA. */
export function citationStyle(): string {
  const s = settings.get<unknown>(STYLE_KEY, 'apa');
  return typeof s === 'string' && s ? s : 'apa';
}

export function rememberCitationStyle(style: string): void {
  settings.set(STYLE_KEY, style);
}

interface CiteCaller {
  cite(req: CiteRequest): Promise<CiteResult>;
}

/**
 * Cites (a passage or articles) in the remembered style and puts it on the clipboard. Returns the
 * plain-text result, whose warnings the caller shows.
 */
export async function copyCitation(
  api: CiteCaller,
  req: Pick<CiteRequest, 'passageId' | 'articleIds'>,
): Promise<CiteResult> {
  const style = citationStyle();
  const [text, html] = await Promise.all([
    api.cite({ ...req, style, format: 'text' }),
    api.cite({ ...req, style, format: 'html' }),
  ]);
  await writeClipboard(text.text, html.text);
  return text;
}

async function writeClipboard(text: string, html: string): Promise<void> {
  const clip = navigator.clipboard;
  if (typeof ClipboardItem !== 'undefined' && clip.write) {
    try {
      await clip.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some platforms refuse HTML on the clipboard; the plain text still goes.
    }
  }
  await clip.writeText(text);
}

/** The toast after a copy: what was copied, and what the citation lacks. */
export function copiedMessage(what: string, r: CiteResult): string {
  return r.warnings.length ? `${what} copied. ${r.warnings.join(' ')}` : `${what} copied.`;
}
