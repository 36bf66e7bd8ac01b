// Putting formatted citations into the three clipboard formats: plain text, an HTML fragment,
// and a whole RTF document (word processors paste RTF with its italics).

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** RTF's escapes: backslash, braces, and every non-ASCII character as \uN? (signed 16-bit). */
export function escapeRtf(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (ch === '\n') out += '\\line ';
    else if (cp < 0x80) out += ch;
    else {
      // Astral characters go as their two UTF-16 halves.
      for (const unit of cp > 0xffff ? [...String.fromCodePoint(cp)].join('').split('') : [ch]) {
        const code = unit.charCodeAt(0);
        out += `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
      }
    }
  }
  return out;
}

export function rtfDocument(paragraphs: string[]): string {
  return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24 ${paragraphs.join('\\par\n')}\\par\n}`;
}
