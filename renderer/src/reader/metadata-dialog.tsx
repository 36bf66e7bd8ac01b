import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, ArticleMetaPatch } from '../../../electron/core/api.js';
import type { Creator, CreatorRole, CslItemType } from '../../../electron/core/model.js';
import { citationStyle, rememberCitationStyle } from '../cite/copy-citation.js';
import { useApi } from '../state/context.js';

const FIELDS: Array<{
  key:
    | 'title'
    | 'source'
    | 'containerTitle'
    | 'publisher'
    | 'published'
    | 'accessed'
    | 'url'
    | 'doi'
    | 'page'
    | 'citationKey';
  label: string;
  type?: 'text' | 'date' | 'url';
}> = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source (outlet)' },
  { key: 'containerTitle', label: 'Container (newspaper, journal, site)' },
  { key: 'publisher', label: 'Publisher' },
  { key: 'published', label: 'Published', type: 'date' },
  { key: 'accessed', label: 'Accessed', type: 'date' },
  { key: 'url', label: 'URL', type: 'url' },
  { key: 'doi', label: 'DOI' },
  { key: 'page', label: 'Pages' },
  { key: 'citationKey', label: 'Citation key' },
];

// The CSL types the model offers (model.ts CSL_ITEM_TYPES; the renderer imports types only).
const ITEM_TYPES: Array<[CslItemType, string]> = [
  ['article-newspaper', 'Newspaper article'],
  ['article-magazine', 'Magazine article'],
  ['article-journal', 'Journal article'],
  ['report', 'Report'],
  ['webpage', 'Web page'],
  ['post-weblog', 'Blog post'],
  ['post', 'Post'],
  ['book', 'Book'],
  ['chapter', 'Book chapter'],
  ['thesis', 'Thesis'],
  ['speech', 'Speech'],
  ['interview', 'Interview'],
  ['legislation', 'Legislation'],
  ['dataset', 'Dataset'],
  ['document', 'Document'],
];
const ROLES: CreatorRole[] = ['author', 'editor', 'translator', 'contributor'];

/** The built-in styles, offered until listCitationStyles (which adds the library's own) has answered. */
export const COPY_STYLES: Array<[string, string]> = [
  ['apa', 'APA 7'],
  ['chicago-author-date', 'Chicago (author-date)'],
  ['chicago-notes', 'Chicago (notes)'],
  ['mla', 'MLA 9'],
  ['harvard', 'Harvard'],
  ['ieee', 'IEEE'],
  ['vancouver', 'Vancouver'],
];

type Row = { role: CreatorRole; family: string; given: string; org: boolean };

function rowsOf(article: ArticleDetail): Row[] {
  const list: Creator[] = article.creators ?? [];
  return list.map((c) => ({
    role: c.role,
    family: c.literal ?? c.family ?? '',
    given: c.literal ? '' : (c.given ?? ''),
    org: Boolean(c.literal),
  }));
}

export function MetadataDialog({
  article,
  onSave,
  onClose,
  onCopyCitation,
}: {
  article: ArticleDetail;
  onSave(patch: ArticleMetaPatch): void;
  onClose(): void;
  /** Copies the article's bibliography entry in a style (the reader does the call and the toast). */
  onCopyCitation?(style: string): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const api = useApi();
  const [styles, setStyles] = useState<Array<[string, string]>>(COPY_STYLES);
  useEffect(() => {
    if (!onCopyCitation) return;
    let live = true;
    api.listCitationStyles().then(
      (list) => live && setStyles(list.map((s) => [s.id, s.builtIn ? s.title : `${s.title} (yours)`])),
      () => undefined, // the built-in list stays; copying reports its own errors
    );
    return () => {
      live = false;
    };
  }, [api, onCopyCitation]);
  const [values, setValues] = useState({
    title: article.title,
    source: article.source,
    containerTitle: article.containerTitle ?? '',
    publisher: article.publisher ?? '',
    published: article.published?.slice(0, 10) ?? '',
    accessed: (article.accessed ?? article.addedAt)?.slice(0, 10) ?? '',
    url: article.url,
    doi: article.doi ?? '',
    page: article.page ?? '',
    citationKey: article.citationKey ?? '',
  });
  const [itemType, setItemType] = useState<CslItemType | ''>(article.itemType ?? '');
  const [rows, setRows] = useState<Row[]>(rowsOf(article));
  const [style, setStyle] = useState(citationStyle);
  useEffect(() => ref.current?.showModal(), []);
  const setRow = (i: number, r: Partial<Row>) => setRows(rows.map((x, k) => (k === i ? { ...x, ...r } : x)));

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="meta-title" onClose={onClose}>
      <h2 id="meta-title">Article details</h2>
      <form
        method="dialog"
        class="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          const patch: ArticleMetaPatch = {
            ...values,
            published: values.published || null,
            accessed: values.accessed || null,
            creators: rows
              .filter((r) => r.family.trim() || r.given.trim())
              .map((r) =>
                r.org ? { role: r.role, literal: r.family } : { role: r.role, family: r.family, given: r.given },
              ),
          };
          if (!values.citationKey.trim()) delete patch.citationKey;
          if (itemType) patch.itemType = itemType;
          onSave(patch);
        }}
      >
        <label>
          <span>Item type</span>
          <select value={itemType} onChange={(e) => setItemType(e.currentTarget.value as CslItemType)}>
            <option value="">(chosen from the page)</option>
            {ITEM_TYPES.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="creators">
          <legend>Creators</legend>
          {rows.map((r, i) => (
            <div key={i} class="creator-row" role="group" aria-label={`Creator ${i + 1}`}>
              <select
                aria-label="Role"
                value={r.role}
                onChange={(e) => setRow(i, { role: e.currentTarget.value as CreatorRole })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
              <input
                aria-label={r.org ? 'Organisation' : 'Family name'}
                placeholder={r.org ? 'Organisation' : 'Family name'}
                value={r.family}
                onInput={(e) => setRow(i, { family: e.currentTarget.value })}
              />
              {!r.org && (
                <input
                  aria-label="Given names"
                  placeholder="Given names"
                  value={r.given}
                  onInput={(e) => setRow(i, { given: e.currentTarget.value })}
                />
              )}
              <label class="inline">
                <input type="checkbox" checked={r.org} onChange={(e) => setRow(i, { org: e.currentTarget.checked })} />
                organisation
              </label>
              <button
                type="button"
                aria-label={`Remove creator ${i + 1}`}
                onClick={() => setRows(rows.filter((_, k) => k !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => setRows([...rows, { role: 'author', family: '', given: '', org: false }])}
          >
            Add creator
          </button>
        </fieldset>
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <input
              type={(f.type ?? 'text') as 'text' /* text, date or url */}
              value={values[f.key]}
              onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        {onCopyCitation && (
          <div class="copy-citation">
            <label>
              <span>Citation style</span>
              <select value={style} onChange={(e) => setStyle(e.currentTarget.value)}>
                {styles.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => {
                rememberCitationStyle(style);
                onCopyCitation(style);
              }}
            >
              Copy citation
            </button>
          </div>
        )}
        <div class="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
