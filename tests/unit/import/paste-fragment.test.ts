// A copied selection arrives as a bare HTML fragment (Chromium on Linux puts
// `<meta http-equiv="content-type" …>` and the selected elements on the
// clipboard, with no <html> or <body>): it imports like the page it came from.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { fixtures } from './helpers.js';

const ARS = readFileSync(path.join(fixtures, 'ars-1-minecraft-exploit.html'), 'utf8');

/** The headline and paragraphs of the Ars Technica article, as a selection copied in Chromium on Linux. */
function copiedSelection(): string {
  const headline = /<h1[^>]*>[\s\S]*?<\/h1>/.exec(ARS)![0];
  const paragraphs = [...ARS.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]);
  return `<meta http-equiv="content-type" content="text/html; charset=utf-8">${headline}${paragraphs.join('')}`;
}

describe('pasting a bare HTML fragment', () => {
  let dir: string;
  let core: Core;
  afterEach(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the selection’s text and headline, not "no readable text"', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-paste-fragment-'));
    core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    const html = copiedSelection();
    expect(html).not.toMatch(/<body|<html/i);
    const r = await core.api.importPaste({ html, text: html.replace(/<[^>]+>/g, ' ') });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe('imported');
    const a = await core.api.getArticle(r.id!);
    expect(a?.title).toBe('Just-released Minecraft exploit makes it easy to crash game servers');
    expect(a?.text).toContain('Minecraft');
    expect(a?.text.split('\n\n').length).toBeGreaterThan(5);
  });
});
