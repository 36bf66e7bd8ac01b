// Builds the Scholia Clipper browser extension (clipper/) for Chromium and
// Firefox from one source: the same scripts and popup, two manifests that
// differ only where the browsers do (the background: a service worker in
// Chromium, event-page scripts in Firefox; Firefox's add-on id).
// Output: dist/clipper/chromium and dist/clipper/firefox (load unpacked).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

const common = {
  manifest_version: 3,
  name: 'Scholia Clipper',
  short_name: 'Scholia',
  version,
  description: 'Save the page you are reading, a passage of it or a link to Scholia, your offline research notebook.',
  icons: { 16: 'icon-16.png', 48: 'icon-48.png', 128: 'icon-128.png' },
  action: {
    default_title: 'Save to Scholia',
    default_popup: 'popup.html',
    default_icon: { 16: 'icon-16.png', 32: 'icon-32.png' },
  },
  // activeTab: the page is read only when the user clips it (toolbar, menu, shortcut); unlimitedStorage: queued pages.
  permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
  // The app's loopback clip endpoint, and nothing else.
  host_permissions: ['http://127.0.0.1/*'],
  commands: {
    _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open the Scholia Clipper' },
    'clip-page': {
      suggested_key: { default: 'Alt+Shift+K' },
      description: 'Save this page (or the selection) to Scholia without the popup',
    },
  },
  content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; connect-src http://127.0.0.1:*" },
};

export const MANIFESTS = {
  chromium: { ...common, minimum_chrome_version: '120', background: { service_worker: 'background.js' } },
  firefox: {
    ...common,
    background: { scripts: ['background.js'] },
    // Firefox's PDF viewer takes no scripts, so the extension fetches a PDF the user saves itself: it asks
    // for that one site at the click (permissions.request), and may connect to it. Chromium reads the PDF
    // inside the tab (activeTab), and needs neither.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src http://127.0.0.1:* https: http:",
    },
    browser_specific_settings: {
      gecko: {
        id: 'clipper@scholia.app',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
};

// SCHOLIA_CLIPPER_OUT: build elsewhere (the packaging test lints a build of its own).
const outRoot = process.env.SCHOLIA_CLIPPER_OUT ?? path.join('dist', 'clipper');
rmSync(outRoot, { recursive: true, force: true });
for (const [browser, manifest] of Object.entries(MANIFESTS)) {
  const out = path.join(outRoot, browser);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { background: 'clipper/src/background.ts', popup: 'clipper/src/popup.ts' },
    outdir: out,
    bundle: true,
    format: 'iife',
    target: browser === 'chromium' ? 'chrome120' : 'firefox128',
    logLevel: 'warning',
    // The capture function is sent into pages as its source text: no renamed helpers around it.
    minify: false,
    keepNames: false,
  });
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const f of readdirSync(path.join('clipper', 'static'))) {
    copyFileSync(path.join('clipper', 'static', f), path.join(out, f));
  }
}
console.log('built dist/clipper (chromium, firefox)');
