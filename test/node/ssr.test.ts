// Without a DOM (server-side rendering, a Node script, a test runner without jsdom), importing the widgets must not
// throw: lit's Node build supplies a minimal HTMLElement, nothing touches document or window at import time, and
// registration is guarded. What a widget does there is nothing: it renders only once a browser upgrades the tag.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('the element modules in Node (no DOM)', () => {
  it('import without throwing, and the classes are there', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const elements = await import('../../src/elements/index.js');
    for (const name of ['ChanrongServices', 'ChanrongEligibilityChecker', 'ChanrongFinancingCalculator', 'ChanrongIncubatorMap'] as const) {
      assert.equal(typeof elements[name], 'function', name);
    }
    for (const entry of ['services', 'eligibility-checker', 'financing-calculator', 'incubator-map']) {
      await import(`../../src/entries/${entry}.js`);
    }
  });

  it('registering (chanrong/define and the per-tag entries) does not throw', async () => {
    await import('../../src/define.js');
    for (const entry of ['services', 'eligibility-checker', 'financing-calculator', 'incubator-map']) await import(`../../src/define/${entry}.js`);
    await import('../../src/react/index.js');
  });
});
