// scholia:// links: exports and notes write `scholia://passage/<id>`; the OS hands
// them to us through argv (Windows, Linux) or open-url (macOS). Anything another
// program can put in such a link is untrusted: only the two documented shapes
// with a well-formed id become an action, everything else a clear refusal.

export const LINK_SCHEME = 'scholia';

export type LinkTarget = { kind: 'passage' | 'article'; id: string };
export type LinkParse = { ok: true; target: LinkTarget } | { ok: false; error: string };

/** Ids are `<prefix>_<base36>` (electron/core/ids.ts); older libraries may hold other url-safe ids. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** No legitimate link is longer than this; a huge string is refused before any parsing. */
export const MAX_LINK_LENGTH = 512;

export function looksLikeLink(arg: string): boolean {
  return /^scholia:/i.test(arg);
}

export function parseScholiaLink(raw: string): LinkParse {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, error: 'Empty link.' };
  if (raw.length > MAX_LINK_LENGTH)
    return { ok: false, error: `Link refused: longer than ${MAX_LINK_LENGTH} characters.` };
  // The URL parser would resolve `passage/../../x` to `/x`; a link with dot segments is never one we wrote.
  if (raw.split(/[/\\?#]/).some((seg) => /^(\.|%2e){1,2}$/i.test(seg)))
    return { ok: false, error: 'Link refused: it contains ".." or "." path segments.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'Not a link Scholia understands.' };
  }
  if (url.protocol !== `${LINK_SCHEME}:`) return { ok: false, error: `Not a scholia:// link (${url.protocol}).` };
  if (url.username || url.password || url.port) return { ok: false, error: 'Link refused: malformed scholia:// link.' };
  // `scholia://passage/<id>` parses with host "passage"; also accept `scholia:passage/<id>`.
  const kind = url.host ? url.host.toLowerCase() : undefined;
  const rest = url.host ? url.pathname : url.pathname.replace(/^\/*/, '');
  const parts = (kind ? [kind, ...rest.split('/').slice(1)] : rest.split('/')).filter(
    (p, i, a) => !(p === '' && i === a.length - 1),
  );
  if (parts.length !== 2)
    return { ok: false, error: 'Link refused: expected scholia://passage/<id> or scholia://article/<id>.' };
  const [k, encodedId] = parts as [string, string];
  if (k !== 'passage' && k !== 'article')
    return { ok: false, error: `Link refused: unknown kind "${k.slice(0, 20)}" (passage or article).` };
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return { ok: false, error: 'Link refused: badly encoded id.' };
  }
  if (!ID.test(id)) return { ok: false, error: 'Link refused: the id is not a Scholia id.' };
  return { ok: true, target: { kind: k, id } };
}

export function linkFor(target: LinkTarget): string {
  return `${LINK_SCHEME}://${target.kind}/${target.id}`;
}
