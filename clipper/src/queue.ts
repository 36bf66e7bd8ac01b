// Clips waiting for the app: kept in the extension's storage (nothing is lost
// when Scholia is closed or the browser restarts), shown in the popup, cleared
// by the user or delivered, in order, when the app answers again.
//
// A PDF waits with its bytes (re-fetching at delivery would fail once the tab is
// closed, the login expired or activeTab's permission lapsed), each under a key
// of its own: the queue list itself stays small, so adding or delivering a clip
// never rewrites tens of megabytes. unlimitedStorage lifts Chromium's 10 MB
// quota; PDF_QUEUE_BUDGET still caps what waits, so a browser left without
// Scholia for weeks does not fill the disk.
import type {
  ClipLinkRequest,
  ClipPageRequest,
  ClipPdfRequest,
  ClipSelectionRequest,
} from '../../electron/shared/clip-protocol.js';
import { ext } from './ext.js';

export type ClipRequest =
  | { kind: 'page'; body: ClipPageRequest }
  | { kind: 'selection'; body: ClipSelectionRequest }
  | { kind: 'link'; body: ClipLinkRequest }
  | { kind: 'pdf'; body: ClipPdfRequest };

/** A queued clip as stored: a PDF's bytes are apart, under `bytesKey`, and its body's pdfBase64 is empty. */
export type QueuedClip = ClipRequest & {
  id: string;
  queuedAt: string;
  /** Why it waits (the app was not running, the browser was not paired) or why delivery failed. */
  reason: string;
  /** Set when the app refused the clip itself (it stays listed until cleared). */
  failed?: boolean;
  /** A PDF: the storage key of its bytes (base64), and how long they are. */
  bytesKey?: string;
  bytesLength?: number;
};

/** Most base64 characters of PDFs kept waiting (about 150 MB of files). */
export const PDF_QUEUE_BUDGET = 200 * 1024 * 1024;

export class QueueFull extends Error {}

export async function readQueue(): Promise<QueuedClip[]> {
  const { queue } = await ext.storage.local.get('queue');
  return Array.isArray(queue) ? (queue as QueuedClip[]) : [];
}

export async function writeQueue(queue: QueuedClip[]): Promise<void> {
  await ext.storage.local.set({ queue });
  await ext.action.setBadgeText({ text: queue.length ? String(queue.length) : '' });
}

/** The clip as stored for the queue: a PDF's bytes written under their own key first. */
export async function storeForQueue(
  req: ClipRequest,
  meta: { id: string; queuedAt: string; reason: string },
  queue: QueuedClip[],
): Promise<QueuedClip> {
  if (req.kind !== 'pdf') return { ...req, ...meta } as QueuedClip;
  const waiting = queue.reduce((n, c) => n + (c.bytesLength ?? 0), 0);
  if (waiting + req.body.pdfBase64.length > PDF_QUEUE_BUDGET) {
    throw new QueueFull(
      'Too many PDFs are already waiting for Scholia: open Scholia to send them, or clear the queue. Nothing was saved.',
    );
  }
  const bytesKey = `pdf:${meta.id}`;
  await ext.storage.local.set({ [bytesKey]: req.body.pdfBase64 });
  return {
    kind: 'pdf',
    body: { ...req.body, pdfBase64: '' },
    ...meta,
    bytesKey,
    bytesLength: req.body.pdfBase64.length,
  };
}

/** The request to send for a queued clip (a PDF's bytes read back); null when its bytes are gone. */
export async function loadQueued(clip: QueuedClip): Promise<ClipRequest | null> {
  if (clip.kind !== 'pdf' || !clip.bytesKey) return clip;
  const stored = (await ext.storage.local.get(clip.bytesKey))[clip.bytesKey];
  return typeof stored === 'string' && stored ? { kind: 'pdf', body: { ...clip.body, pdfBase64: stored } } : null;
}

/** Drops the stored bytes of clips leaving the queue. */
export async function forget(clips: QueuedClip[]): Promise<void> {
  const keys = clips.flatMap((c) => (c.bytesKey ? [c.bytesKey] : []));
  if (keys.length) await ext.storage.local.remove(keys);
}

export function describeClip(c: ClipRequest): string {
  const title = c.kind === 'link' ? (c.body.title ?? c.body.url) : c.body.title || c.body.url;
  return c.kind === 'selection'
    ? `${title} (with a highlight)`
    : c.kind === 'link'
      ? `${title} (link)`
      : c.kind === 'pdf'
        ? `${title} (PDF)`
        : title;
}
