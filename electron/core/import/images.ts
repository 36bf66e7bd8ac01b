// Images an imported document carries with it: data: URIs inside the page, or files
// beside an imported HTML/Markdown file (handed over as ImportInput.assets). They are
// stored with the article so the reader shows them offline; an image the source only
// names by a remote URL is left out (the reader never loads anything from the network).
import type { StoredImage } from '../model.js';
import type { Block } from './canonical.js';

/** Raster formats only: an SVG is a document (scripts, external references), not a picture. */
const IMAGE_TYPES = new Map([
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['avif', 'image/avif'],
]);
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_ARTICLE_IMAGES = 100;

/** The MIME type of an image file name the reader may show, or null. */
export function imageMimeOf(name: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  return (ext && IMAGE_TYPES.get(ext)) || null;
}

const RASTER_MIMES = new Set(IMAGE_TYPES.values());

/** Magic numbers: the bytes must be the picture their name says, whatever the name. */
export function sniffImage(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 12) === 'ftypavif') return 'image/avif';
  return null;
}

/** A `data:image/...;base64,` URI's bytes, or null for anything else. */
export function decodeDataUri(src: string): Uint8Array | null {
  const m = /^data:(image\/[a-z0-9.+-]+);base64,([a-z0-9+/=\s]+)$/i.exec(src.trim());
  if (!m || !RASTER_MIMES.has(m[1]!.toLowerCase())) return null;
  const bytes = new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'));
  return bytes;
}

/** Normalises a relative image path the way the file's folder names it ("./a/b.png" -> "a/b.png"). */
export function assetKey(src: string): string | null {
  let s: string;
  try {
    s = decodeURI(src.trim().split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  if (!s || /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('/') || s.startsWith('\\')) return null;
  const parts: string[] = [];
  for (const p of s.replace(/\\/g, '/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') return null;
    parts.push(p);
  }
  return parts.length ? parts.join('/') : null;
}

/**
 * Gives each image block a stored image (its id in `shape.image`) or sets it aside
 * (`reason`, so it is not part of the article's structure) when the source did not
 * carry the picture. Returns the images to store with the article.
 */
export function storeImages(blocks: Block[], assets?: Record<string, Uint8Array>): StoredImage[] {
  const images: StoredImage[] = [];
  const bySrc = new Map<string, string>();
  let total = 0;
  for (const b of blocks) {
    if (b.shape?.kind !== 'image' || b.reason) continue;
    const src = b.shape.image ?? '';
    const known = bySrc.get(src);
    if (known) {
      b.shape.image = known;
      continue;
    }
    const key = src.startsWith('data:') ? null : assetKey(src);
    const bytes = src.startsWith('data:') ? decodeDataUri(src) : key ? assets?.[key] : undefined;
    const mime = bytes ? sniffImage(bytes) : null;
    if (
      !bytes ||
      !mime ||
      bytes.length > MAX_IMAGE_BYTES ||
      total + bytes.length > MAX_ARTICLE_IMAGE_BYTES ||
      images.length >= MAX_ARTICLE_IMAGES
    ) {
      b.reason = 'image not carried by the source';
      continue;
    }
    total += bytes.length;
    const id = `img${images.length + 1}`;
    images.push({ id, mime, data: Buffer.from(bytes).toString('base64') });
    bySrc.set(src, id);
    b.shape.image = id;
  }
  return images;
}
