// Images beside an imported HTML or Markdown file ("page_files/photo.jpg",
// "./img/map.png"): read with the file so the article keeps its pictures offline.
// Only relative paths that stay inside the file's folder (after symlinks), only
// raster images, each and all within a size limit; anything else is simply not read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_ARTICLE_IMAGE_BYTES, MAX_ARTICLE_IMAGES, MAX_IMAGE_BYTES, assetKey, imageMimeOf } from './images.js';

const HTML_IMG = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const MD_IMG = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;

/** The relative image paths a document names, as assetKey normalises them, in order. */
export function imageReferences(text: string, kind: 'html' | 'md'): string[] {
  const keys = new Set<string>();
  const add = (src: string | undefined) => {
    const k = src ? assetKey(src.replace(/&amp;/g, '&')) : null;
    if (k && imageMimeOf(k)) keys.add(k);
  };
  for (const m of text.matchAll(HTML_IMG)) add(m[1] ?? m[2] ?? m[3]);
  if (kind === 'md') for (const m of text.matchAll(MD_IMG)) add(m[1]);
  return [...keys];
}

/** Reads the images a document file names beside it; missing or refused ones are left out. */
export async function readAssets(file: string, text: string): Promise<Record<string, Uint8Array> | undefined> {
  const ext = path.extname(file).toLowerCase();
  const kind = /^\.(?:md|markdown|mdown|mkd)$/.test(ext) ? 'md' : /^\.(?:html?|xhtml)$/.test(ext) ? 'html' : null;
  if (!kind) return undefined;
  const refs = imageReferences(text, kind).slice(0, MAX_ARTICLE_IMAGES);
  if (refs.length === 0) return undefined;
  let dir: string;
  try {
    dir = await fs.realpath(path.dirname(file));
  } catch {
    return undefined;
  }
  const assets: Record<string, Uint8Array> = {};
  let total = 0;
  for (const key of refs) {
    try {
      const real = await fs.realpath(path.join(dir, ...key.split('/')));
      if (!real.startsWith(dir + path.sep)) continue;
      const st = await fs.stat(real);
      if (!st.isFile() || st.size > MAX_IMAGE_BYTES || total + st.size > MAX_ARTICLE_IMAGE_BYTES) continue;
      assets[key] = new Uint8Array(await fs.readFile(real));
      total += st.size;
    } catch {
      // Not there (a page saved without its files): the article simply has no picture there.
    }
  }
  return Object.keys(assets).length ? assets : undefined;
}
