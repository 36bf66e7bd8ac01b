// Pages whose text stands where a browser would not leave it: paragraphs written
// inside <head> (a page that never closes its head, or a hostile one whose
// attributes break it open). A browser moves them into the body; linkedom left
// them in the head, and Readability, climbing from the best paragraph up to
// <body>, walked off the document: "Cannot read properties of null (reading
// 'tagName')". Such a page imports its text, or is refused in plain words.
import { describe, expect, it } from 'vitest';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { fixtureParagraphs } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
// The article's paragraphs (the first is a photo caption, which the import sets aside).
const paragraphs = fixtureParagraphs('moscow-times-blinken-iranian-drones.txt')
  .filter((p) => p.length > 120)
  .slice(1);

describe('content outside <body>', () => {
  it('a page that never closes its <head> imports its paragraphs, like a browser shows them', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Blinken on drones</title>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</html>`;
    const [a] = await extractArticles({ name: 'no-body.html', bytes: enc(html) });
    expect(a!.title).toBe('Blinken on drones');
    for (const p of paragraphs.slice(0, 3)) expect(a!.text).toContain(p);
  });

  it('the smallest hostile page that crashed the import (from the XSS corpus, an <svg> breaking out of an attribute) imports its words', async () => {
    // What the hostile suite's head page came down to: a paragraph in <head> whose attribute holds a payload.
    const html = `<html><head><p title="<svg xmlns="http://www.w3.org/2000/svg">" data-x='' class=attribute 2`;
    const [a] = await extractArticles({ name: 'hostile-head.html', bytes: enc(html) });
    expect(a!.text).toBe("\" data-x='' class=attribute 2");
  });

  it('text after </body> is part of the body', async () => {
    const html = `<!doctype html><html><head><title>After</title></head><body><p>${paragraphs[0]}</p></body><p>${paragraphs[1]}</p></html>`;
    const [a] = await extractArticles({ name: 'after-body.html', bytes: enc(html) });
    expect(a!.text).toContain(paragraphs[0]!);
    expect(a!.text).toContain(paragraphs[1]!);
  });
});
