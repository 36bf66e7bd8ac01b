// Finds the outlet an article came from in text that names it. Outlets name
// themselves in a handful of recognisable ways: in their boilerplate ("Support X!",
// "A message from X", "the journalists of X", "X's coverage", "© 2022 X") and in
// datelines ("(Reuters) -"). We collect the names in those frames and take the one
// named most often. Names quoted in ordinary reporting rarely sit in these frames.

// An outlet name: optional "The", then capitalised words or an acronym like "RFE/RL".
// Words of a name are on one line: "Copyright Notice\n\nThis document" names no outlet "Notice This".
const NAME = String.raw`((?:The[^\S\n]+)?(?:\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*|\p{Lu}{2,}(?:\/\p{Lu}{2,})?)(?:[^\S\n]+(?:of[^\S\n]+|the[^\S\n]+|&[^\S\n]+)?(?:\p{Lu}(?:[\p{L}&-]|\.(?=\p{L}))*|\p{Lu}{2,}(?:\/\p{Lu}{2,})?)){0,4})`;

/**
 * The frame's own words, case-insensitive at word starts (a frame may open a
 * sentence), spaces matching any whitespace. Not the `i` flag: under it `\p{Lu}`
 * in NAME would match lower case too.
 */
function ci(words: string): string {
  return words.replace(/\b([a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`).replace(/ /g, String.raw`\s+`);
}

// Frames in which an outlet speaks of itself: only trusted inside boilerplate blocks,
// since reporting says "supporting Arsenal" or "staff at Microsoft" too.
const SELF_FRAMES: RegExp[] = [
  String.raw`^\s*${ci('support')}\s+${NAME}\s*!`,
  String.raw`\b${ci('(?:a|an) (?:message|note|word|appeal) from')}\s+${NAME}`,
  String.raw`\b${ci('(?:journalists|editors|reporters|team|staff|readers|newsroom) (?:of|at)')}\s+${NAME}`,
  String.raw`\b${ci('supporting')}\s+${NAME}`,
  String.raw`\bdesignated\s+${NAME}\s+(?:as|an?)\b`,
  String.raw`${NAME}['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:coverage|newsletter|live\s+(?:briefing|blog|updates)|reporting|journalism|podcast|app|website|newsroom)\b`,
  String.raw`\b${ci('(?:more|analysis|features|news)')}\s+(?:and\s+more\s+)?from\s+${NAME}[.!]`,
  String.raw`\b${ci('subscribe to')}\s+${NAME}`,
].map((src) => new RegExp(src, 'gmu'));

// Frames that name the outlet wherever they stand.
const CREDIT_FRAMES: RegExp[] = [
  String.raw`^\s*(?:©|\([cC]\)|${ci('copyright')})\s*(?:\d{4}\s*)?${NAME}`,
  String.raw`^\s*${ci('source')}\s*:\s*${NAME}\s*$`,
  // Wire-style dateline: "KYIV (Reuters) - ...".
  String.raw`^\s*\p{Lu}[\p{Lu} ,.'-]{1,40}\(${NAME}\)\s*[-–—]`,
].map((src) => new RegExp(src, 'gmu'));

const NOT_OUTLETS =
  /^(?:The\s+)?(?:Privacy|Policy|Terms|Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday|We|Our|Your|You|It|This|That|Us|Notice|Information|Statement)$/i;

function cleanName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/[.,;:!-]+$/, '')
    .trim();
}

/**
 * The outlet the text names itself as, or "" when it does not. `boilerplate` is the
 * text of the blocks set aside as boilerplate, `content` the rest.
 */
export function detectOutlet(boilerplate: string, content: string): string {
  const counts = new Map<string, number>();
  const displayNames = new Map<string, string>();
  const searches: [RegExp, string][] = [
    ...SELF_FRAMES.map((f): [RegExp, string] => [f, boilerplate]),
    ...CREDIT_FRAMES.map((f): [RegExp, string] => [f, `${boilerplate}\n${content}`]),
  ];
  for (const [frame, text] of searches) {
    frame.lastIndex = 0;
    for (const m of text.matchAll(frame)) {
      const name = cleanName(m[1] ?? '');
      if (!name || NOT_OUTLETS.test(name) || name.length < 2) continue;
      // "The Moscow Times" and "Moscow Times" are the same outlet.
      const key = name.replace(/^the\s+/i, '').toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!displayNames.has(key) || name.length > displayNames.get(key)!.length) displayNames.set(key, name);
    }
  }
  let best = '';
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount) [best, bestCount] = [k, c];
  return best ? (displayNames.get(best) ?? best) : '';
}
