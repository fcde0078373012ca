// Makes the README's screenshots from the real demo portal: builds nothing itself (run npm run build first),
// serves demo/ and dist/ with the reference API, and shoots each widget with Debian's headless Chromium.
// Run: node scripts/screenshots.mjs   (writes docs/screenshots/*.png)
import puppeteer from 'puppeteer-core';
import { serveStatic } from '@hono/node-server/serve-static';
import { startServer } from '../dist/server.js';

const server = await startServer({
  port: 0, log: false, version: 'screenshots',
  extend(app) {
    app.use('/demo/*', serveStatic({ root: './' }));
    app.use('/dist/*', serveStatic({ root: './' }));
  },
});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shots = [
  { file: 'portal-zh-CN.png', url: '/demo/?lang=zh-CN', selector: 'chanrong-eligibility-checker', clip: 900 },
  { file: 'calculator-bank-zh-CN.png', url: '/demo/?lang=zh-CN&theme=bank', selector: 'chanrong-financing-calculator', clip: 1400 },
  { file: 'map-en.png', url: '/demo/?lang=en', selector: 'chanrong-incubator-map' },
  { file: 'checker-zh-TW.png', url: '/demo/checker.html', selector: 'chanrong-eligibility-checker', lang: 'zh-TW', clip: 900 },
];
try {
  for (const shot of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
    await page.goto(`${server.url}${shot.url}`, { waitUntil: 'networkidle0' });
    if (shot.lang) await page.evaluate((lang) => { document.documentElement.lang = lang; }, shot.lang);
    await new Promise((r) => setTimeout(r, 800));
    const el = await page.$(shot.selector);
    const box = await el.boundingBox();
    await page.screenshot({
      path: `docs/screenshots/${shot.file}`,
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, shot.clip ?? box.height) },
      captureBeyondViewport: true,
    });
    await page.close();
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
