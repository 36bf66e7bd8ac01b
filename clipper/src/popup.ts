// The toolbar popup: says whether Scholia is there, pairs once, offers "Save
// this page" (or "Save this PDF") and "Save the selection" with tags and a note,
// reports what happened (saved / already in your library / queued), asks for an
// encrypted PDF's password, and lists the queue.
import { articleLink, CLIP_PORTS, type ClipReply } from '../../electron/shared/clip-protocol.js';
import { AppRefusal, AppUnreachable, completePairing, startPairing, unpair } from './app-client.js';
import { ext } from './ext.js';
import { askHostPermission } from './pdf.js';
import type { AppStatus, ClipOutcome, Delivery, PopupRequest, Probe } from './messages.js';
import { describeClip, readQueue } from './queue.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function ask<T>(msg: PopupRequest): Promise<T> {
  const answer = (await ext.runtime.sendMessage(msg)) as { ok: boolean; reply?: T; error?: string } | undefined;
  if (!answer?.ok) throw new Error(answer?.error ?? 'The extension did not answer.');
  return answer.reply as T;
}

/** The tab the popup acts on: the active one, or ?tab=<id> when the popup is opened as a page for a tab. */
async function targetTab(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  return (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

const tags: string[] = [];
/** How long the outcome of a clip made without the popup is still news when the popup opens. */
const LAST_OUTCOME_MS = 10 * 60 * 1000;

function renderTags(): void {
  const ul = $('tag-chips');
  ul.replaceChildren(
    ...tags.map((t, i) => {
      const li = document.createElement('li');
      li.textContent = t;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `Remove tag ${t}`);
      remove.addEventListener('click', () => {
        tags.splice(i, 1);
        renderTags();
      });
      li.append(remove);
      return li;
    }),
  );
}

function addTypedTag(): void {
  const input = $<HTMLInputElement>('tag-input');
  for (const t of input.value.split(',').map((s) => s.trim())) if (t && !tags.includes(t)) tags.push(t);
  input.value = '';
  renderTags();
}

function showStatus(s: AppStatus): void {
  const el = $('app-status');
  el.dataset.state = s.state;
  el.textContent =
    s.state === 'ready'
      ? 'Connected to Scholia.'
      : s.state === 'not-running'
        ? 'Scholia is not running. Clips you save now wait here and are sent when it is open.'
        : s.state === 'not-paired'
          ? 'This browser is not paired with Scholia yet: pair it below (once). Clips wait here until then.'
          : `Scholia answered with an error: ${s.message}`;
  $('pairing').hidden = s.state !== 'not-paired';
  if (s.state === 'ready') {
    $('tag-list').replaceChildren(...s.tags.map((t) => Object.assign(document.createElement('option'), { value: t })));
  }
}

function showResult(kind: 'saved' | 'queued' | 'error', ...parts: (string | Node)[]): void {
  const el = $('result');
  el.dataset.kind = kind;
  el.replaceChildren(...parts);
}

function openLink(reply: ClipReply, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = articleLink(reply.articleId);
  a.textContent = text;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    void ext.tabs.create({ url: a.href });
  });
  return a;
}

/** Refusals of an encrypted PDF: the popup asks for the password instead of repeating the app's words. */
const PASSWORD_MESSAGES: Record<string, string> = {
  'password-required':
    'This PDF is encrypted: type its password below to save it, or import the file in Scholia, which asks for it. Nothing was saved.',
  'password-wrong': 'That is not this PDF’s password: try again. Nothing was saved.',
};

function showOutcome(o: ClipOutcome): void {
  const asking = o.outcome === 'error' && o.code !== undefined && o.code in PASSWORD_MESSAGES;
  $('pdf-password').hidden = !asking;
  if (asking) {
    showResult('error', PASSWORD_MESSAGES[o.code!]!);
    $<HTMLInputElement>('pdf-password-input').value = '';
    $('pdf-password-input').focus();
    return;
  }
  if (o.outcome === 'error') return showResult('error', o.message);
  if (o.outcome === 'queued') {
    return showResult(
      'queued',
      `${o.reason} The clip is queued (${o.queued} waiting) and will be sent when Scholia is open.`,
    );
  }
  const r = o.reply;
  const parts: (string | Node)[] =
    r.status === 'duplicate'
      ? ['Already in your library — ', openLink(r, 'open it'), '.']
      : ['Saved to Scholia: ', openLink(r, r.title), '.'];
  if (r.passage) parts.push(` Highlight: “${r.passage.quote}”.`);
  if (r.noteId) parts.push(' Note added.');
  for (const w of r.warnings ?? []) parts.push(` ${w}`);
  showResult('saved', ...parts);
}

async function renderQueue(): Promise<void> {
  const queue = await readQueue();
  $('queue').hidden = queue.length === 0;
  $('queue-count').textContent = String(queue.length);
  $('queue-list').replaceChildren(
    ...queue.map((c) => {
      const li = document.createElement('li');
      li.textContent = `${describeClip(c)} — ${c.reason}`;
      if (c.failed) li.className = 'failed';
      return li;
    }),
  );
}

async function refreshStatus(): Promise<void> {
  showStatus(await ask<AppStatus>({ type: 'status' }));
}

async function deliver(): Promise<void> {
  const d = await ask<Delivery>({ type: 'deliver' });
  if (d.delivered) showResult('saved', `Sent ${d.delivered} queued clip${d.delivered === 1 ? '' : 's'} to Scholia.`);
  await renderQueue();
}

async function clip(tabId: number, mode: 'page' | 'selection', password?: string): Promise<void> {
  addTypedTag();
  const note = $<HTMLTextAreaElement>('note').value;
  const buttons = [$<HTMLButtonElement>('save-page'), $<HTMLButtonElement>('save-selection')];
  const enabled = buttons.map((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  showResult('saved', 'Saving…');
  try {
    const outcome = await ask<ClipOutcome>({
      type: 'clip',
      tabId,
      mode,
      extras: { tags: [...tags], ...(note.trim() ? { note } : {}) },
      ...(password ? { password } : {}),
    });
    showOutcome(outcome);
  } catch (err) {
    showResult('error', (err as Error).message);
  } finally {
    buttons.forEach((b, i) => (b.disabled = !enabled[i]));
  }
  await renderQueue();
  void refreshStatus();
}

async function main(): Promise<void> {
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'queue' in changes) void renderQueue();
  });
  $('tag-input').addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ',') {
      e.preventDefault();
      addTypedTag();
    }
  });
  const { ports } = await ext.storage.local.get('ports');
  $<HTMLInputElement>('ports').value = (Array.isArray(ports) && ports.length ? ports : CLIP_PORTS).join(', ');
  $('ports-save').addEventListener('click', () => {
    const list = $<HTMLInputElement>('ports')
      .value.split(/[\s,]+/)
      .map(Number)
      .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
    void ext.storage.local.set({ ports: list.length ? list : [...CLIP_PORTS] }).then(refreshStatus);
  });
  $('unpair').addEventListener('click', () => void unpair().then(refreshStatus));
  $('queue-send').addEventListener('click', () => void deliver().then(refreshStatus));
  $('queue-clear').addEventListener('click', () => void ask({ type: 'clear-queue' }).then(renderQueue));

  $('pair-start').addEventListener('click', () => {
    void (async () => {
      try {
        // Firefox grants host permissions only when asked (here, on a click); Chromium has them from install.
        await ext.permissions?.request({ origins: ['http://127.0.0.1/*'] });
        const r = await startPairing();
        $('pair-where').textContent =
          `Scholia shows the code in ${r.shownIn} (valid ${Math.round(r.expiresInSeconds / 60)} minutes).`;
        $('pair-form').hidden = false;
        $('pair-code').focus();
      } catch (err) {
        showResult(
          'error',
          err instanceof AppUnreachable ? 'Scholia is not running: start it, then pair.' : (err as Error).message,
        );
      }
    })();
  });
  $('pair-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      try {
        await completePairing($<HTMLInputElement>('pair-code').value.trim());
        $('pair-form').hidden = true;
        showResult('saved', 'Paired with Scholia.');
        await refreshStatus();
        await deliver();
      } catch (err) {
        showResult('error', err instanceof AppRefusal || err instanceof AppUnreachable ? err.message : String(err));
      }
    })();
  });

  const tabId = await targetTab();
  const page: Probe | null = tabId === undefined ? null : await ask<Probe>({ type: 'probe', tabId });
  $('page-title').textContent = page?.title || page?.url || '';
  const sel = $('page-selection');
  if (page?.selection) {
    sel.hidden = false;
    sel.textContent = `“${page.selection.length > 200 ? page.selection.slice(0, 200) + '…' : page.selection}”`;
  }
  if (page?.pdf) $('save-page').textContent = 'Save this PDF';
  $<HTMLButtonElement>('save-page').disabled = !page?.clippable;
  $<HTMLButtonElement>('save-selection').disabled = !page?.clippable || !page.selection;
  if (tabId !== undefined) {
    $('save-page').addEventListener('click', () => {
      // Asked within the click (a browser grants permissions only then); the clip goes either way.
      const asked = askHostPermission(page?.askFor ?? null);
      void asked.then(() => clip(tabId, 'page'));
    });
    $('save-selection').addEventListener('click', () => void clip(tabId, 'selection'));
    $('pdf-password').addEventListener('submit', (e) => {
      e.preventDefault();
      void clip(tabId, 'page', $<HTMLInputElement>('pdf-password-input').value);
    });
  }
  if (page && !page.clippable) {
    showResult(
      'error',
      'This page cannot be clipped: only web pages and PDFs on the web can (a PDF on your computer: import the file in Scholia).',
    );
  }

  // A clip made from the context menu or the shortcut has no window of its own: its outcome is shown here once.
  const { lastOutcome } = await ext.storage.local.get('lastOutcome');
  const last = lastOutcome as (ClipOutcome & { at: string }) | undefined;
  if (last && Date.now() - Date.parse(last.at) < LAST_OUTCOME_MS) showOutcome(last);
  await ext.storage.local.remove('lastOutcome');

  // Opening the popup is a moment the app may be back: waiting clips go first.
  await renderQueue();
  await refreshStatus();
  await deliver();
  document.body.dataset.ready = 'true';
}

void main();
