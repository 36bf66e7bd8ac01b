// The reader's text: the article's structure (blocks.tsx) with its stored images
// fetched through the API (never from the network) once per article.
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, ScholiaApi } from '../../../electron/core/api.js';
import { useApi } from '../state/context.js';
import type { Segment, Span } from '../shared/segments.js';
import { renderBlocks } from './blocks.js';

/** Data URLs of an article's stored images, by id, as they arrive. */
export function useArticleImages(
  api: ScholiaApi,
  article: Pick<ArticleDetail, 'id' | 'blocks'> | null,
): Map<string, string> {
  const [images, setImages] = useState<Map<string, string>>(new Map());
  // A string key: the same article reloaded (an edit, a tag) keeps its pictures without fetching them again.
  const ids = useMemo(
    () =>
      [...new Set((article?.blocks ?? []).filter((b) => b.kind === 'image' && b.image).map((b) => b.image!))].join(' '),
    [article],
  );
  const articleId = article?.id;
  // The latest core, without refetching when a caller hands a new one each render.
  const apiRef = useRef(api);
  apiRef.current = api;
  useEffect(() => {
    setImages(new Map());
    if (!articleId || !ids) return;
    let live = true;
    void (async () => {
      for (const id of ids.split(' ')) {
        const img = await apiRef.current.getArticleImage(articleId, id).catch(() => null);
        // An answer for an article the reader has left is dropped.
        if (!live) return;
        if (img && img.dataUrl.startsWith('data:image/')) setImages((m) => new Map(m).set(id, img.dataUrl));
      }
    })();
    return () => {
      live = false;
    };
  }, [articleId, ids]);
  return images;
}

interface Props {
  article: ArticleDetail;
  spans: Span[];
  /** Renders one highlighted run (passage ids, colour, drag). */
  mark: (segment: Segment, key: string) => VNode;
}

export function ArticleBody({ article, spans, mark }: Props) {
  // A picture that cannot be fetched stays a labelled placeholder: nothing to report.
  const images = useArticleImages(useApi(), article);
  return <>{renderBlocks(article, spans, { mark, imageSrc: (id) => images.get(id) })}</>;
}
