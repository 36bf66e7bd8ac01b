// Character encodings: BOM, declared charset, UTF-8, detected legacy encodings.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../electron/core/import/decode.js';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { ImportError } from '../../../electron/core/import/types.js';

const RU_TITLE = 'Блинкен назвал «ужасающим» применение Россией иранских дронов';
const RU_BODY = [
  'Госсекретарь США Энтони Блинкен заявил в четверг, что использование Россией иранских беспилотников на Украине является ужасающим.',
  'По его словам, Соединённые Штаты и их союзники будут добиваться прекращения таких поставок.',
  'Тегеран отверг эти обвинения, заявив, что не поставлял России оружия для войны против Украины.',
];

function cp1251Page(withMeta: boolean): Uint8Array {
  const html = `<!doctype html><html lang="ru"><head>${withMeta ? '<meta charset="windows-1251">' : ''}<title>${RU_TITLE}</title></head>
<body><article><h1>${RU_TITLE}</h1>${RU_BODY.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  return new Uint8Array(iconv.encode(html, 'windows-1251'));
}

describe('character encodings', () => {
  it('reads a windows-1251 Russian page that declares its charset, without mojibake', async () => {
    const [a] = await extractArticles({ name: 'blinken-ru.html', bytes: cp1251Page(true) });
    expect(a!.title).toBe(RU_TITLE);
    for (const p of RU_BODY) expect(a!.text).toContain(p);
  });

  it('detects windows-1251 when the page does not declare it', async () => {
    const [a] = await extractArticles({ name: 'blinken-ru.html', bytes: cp1251Page(false) });
    expect(a!.title).toBe(RU_TITLE);
    expect(a!.text).toContain(RU_BODY[0]);
  });

  it('detects windows-1251 plain text', async () => {
    const bytes = new Uint8Array(iconv.encode([RU_TITLE, ...RU_BODY].join('\n\n'), 'windows-1251'));
    const [a] = await extractArticles({ name: 'blinken-ru.txt', bytes });
    expect(a!.title).toBe(RU_TITLE);
    expect(a!.text).toBe(RU_BODY.join('\n\n'));
  });

  it('honours a UTF-16 byte-order mark and a UTF-8 one', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode('Привет, мир', 'utf-16le')]);
    expect(decodeBytes(le, 'x.txt')).toMatchObject({ text: 'Привет, мир', via: 'bom' });
    const u8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Grüße')]);
    expect(decodeBytes(u8, 'x.txt')).toMatchObject({ text: 'Grüße', encoding: 'utf-8' });
  });

  it('trusts valid UTF-8 over a stale <meta charset> left by a re-save', () => {
    const bytes = new Uint8Array(
      Buffer.from('<html><head><meta charset="gb2312"></head><body><p>人工智能迈上新台阶</p></body></html>'),
    );
    expect(decodeBytes(bytes, 'x.html', { html: true }).text).toContain('人工智能迈上新台阶');
  });

  it('refuses damaged UTF-8 with the position of the first bad byte', () => {
    const good = Buffer.from('Déjà vu: the café reopened on Monday. ');
    const bytes = new Uint8Array([...good, 0xc3, 0x28, ...good]);
    expect(() => decodeBytes(bytes, 'broken.txt')).toThrow(ImportError);
    expect(() => decodeBytes(bytes, 'broken.txt')).toThrow(
      new RegExp(`broken\\.txt is not valid UTF-8 .*the first at byte ${good.length}\\b`),
    );
  });
});
