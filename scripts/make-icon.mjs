// Renders resources/icon.svg to the 512 px PNG electron-builder uses (run by hand when the icon changes).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const svg = readFileSync('resources/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 512, height: 512 } });
await p.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`,
);
await p.screenshot({ path: 'resources/icon.png', omitBackground: true });
await b.close();
