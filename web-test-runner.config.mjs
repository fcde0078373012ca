// Browser tests in Debian's Chromium (no browser downloads here): elements, SDK and engine run in a real page.
// esbuild targets esnext so JSON imports keep their `with { type: 'json' }` and load as native JSON modules.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows high contrast (`forced-colors: active`) through
 * CDP's Emulation.setEmulatedMedia, since puppeteer's emulateMediaFeatures refuses that feature. The CDP session is
 * kept per test page: an emulation ends with the session that set it.
 */
function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}

export default {
  files: ['test/{elements,sdk,engine,contract}/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }), forcedColorsPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
