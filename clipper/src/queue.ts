// Clips waiting for the app: kept in the extension's storage (nothing is lost
// when Scholia is closed or the browser restarts), shown in the popup, cleared
// by the user or delivered, in order, when the app answers again.
import type { ClipLinkRequest, ClipPageRequest, ClipSelectionRequest } from '../../electron/shared/clip-protocol.js';
import { ext } from './ext.js';

export type ClipRequest =
  | { kind: 'page'; body: ClipPageRequest }
  | { kind: 'selection'; body: ClipSelectionRequest }
  | { kind: 'link'; body: ClipLinkRequest };

export type QueuedClip = ClipRequest & {
  id: string;
  queuedAt: string;
  /** Why it waits (the app was not running, the browser was not paired) or why delivery failed. */
  reason: string;
  /** Set when the app refused the clip itself (it stays listed until cleared). */
  failed?: boolean;
};

export async function readQueue(): Promise<QueuedClip[]> {
  const { queue } = await ext.storage.local.get('queue');
  return Array.isArray(queue) ? (queue as QueuedClip[]) : [];
}

export async function writeQueue(queue: QueuedClip[]): Promise<void> {
  await ext.storage.local.set({ queue });
  await ext.action.setBadgeText({ text: queue.length ? String(queue.length) : '' });
}

export function describeClip(c: ClipRequest): string {
  const title = c.kind === 'link' ? (c.body.title ?? c.body.url) : c.body.title || c.body.url;
  return c.kind === 'selection' ? `${title} (with a highlight)` : c.kind === 'link' ? `${title} (link)` : title;
}
