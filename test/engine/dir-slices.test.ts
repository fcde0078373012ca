// Sliced builds (src/engine/directory/slices.ts) under a fake clock: how many times the event loop is given a turn
// is worked out by hand from the budget and the time each step takes, and each way of giving a turn (setImmediate in
// Node, one MessageChannel in a page, a timer elsewhere) is checked by replacing the globals it reads. Every case loads
// a fresh copy of the module (a query string on its URL), so its one channel is made in the case that counts it.
// Runs in Chromium (web-test-runner) and in Node (mocha under StrykerJS).
import { expect } from 'chai';
import { withGlobals } from './with-globals.js';

type Slices = typeof import('../../src/engine/directory/slices.js');
let loads = 0;
const fresh = async (): Promise<Slices> => {
  const url = `../../src/engine/directory/slices.ts?fresh=${++loads}`;
  return (await import(/* @vite-ignore */ url)) as Slices;
};


/** A build of `n` steps, each taking `ms` on the fake clock, that returns 'built'. */
function* build(clock: { t: number; steps: number }, n: number, ms: number): Generator<void, string, void> {
  for (let k = 0; k < n; k++) {
    clock.t += ms;
    clock.steps++;
    yield;
  }
  return 'built';
}

/** Runs `runSliced` with a fake performance clock and a counting setImmediate; resolves to [value, turns]. */
async function sliced({ runSliced }: Slices, n: number, ms: number, budget?: number): Promise<[string, number, number]> {
  const clock = { t: 1000, steps: 0 };
  let turns = 0;
  const value = await withGlobals({
    performance: { now: () => clock.t },
    setImmediate: (f: () => void) => { turns++; void Promise.resolve().then(f); },
  }, () => (budget === undefined ? runSliced(build(clock, n, ms)) : runSliced(build(clock, n, ms), budget)));
  return [value, turns, clock.steps];
}

describe('sliced builds (slices.ts)', () => {
  it('runNow runs every step and returns the build\'s value', async () => {
    const { runNow } = await fresh();
    const clock = { t: 0, steps: 0 };
    expect(runNow(build(clock, 5, 1))).to.equal('built');
    expect(clock.steps).to.equal(5);
    expect(runNow(build(clock, 0, 1))).to.equal('built');
  });

  it('gives the event loop a turn once a slice has used its budget, not before (worked by hand)', async () => {
    const m = await fresh();
    // Steps of 5 ms, budget 10: a slice runs two steps (5 < 10, then 10 is not < 10), so 4 steps take 2 turns
    // and the fifth call, which returns, needs none.
    expect(await sliced(m, 4, 5, 10)).to.deep.equal(['built', 2, 4]);
    // The default budget is 10 ms.
    expect(await sliced(m, 4, 5)).to.deep.equal(['built', 2, 4]);
    // Steps of 4 ms: a slice runs 3 steps (4, 8 < 10; 12 is not): 7 steps take 2 turns, 6 steps 2, 5 steps 1.
    expect(await sliced(m, 7, 4, 10)).to.deep.equal(['built', 2, 7]);
    expect(await sliced(m, 6, 4, 10)).to.deep.equal(['built', 2, 6]);
    expect(await sliced(m, 5, 4, 10)).to.deep.equal(['built', 1, 5]);
    // Steps that take no time never yield; a step longer than the budget yields after each one.
    expect(await sliced(m, 50, 0, 10)).to.deep.equal(['built', 0, 50]);
    expect(await sliced(m, 3, 25, 10)).to.deep.equal(['built', 3, 3]);
    // A budget of 30 with 5 ms steps: 6 steps a slice; 13 steps take 2 turns.
    expect(await sliced(m, 13, 5, 30)).to.deep.equal(['built', 2, 13]);
  });

  it('reads Date.now where there is no performance clock', async () => {
    const clock = { t: 5000, steps: 0 };
    let turns = 0;
    const { runSliced } = await fresh();
    const realNow = Date.now;
    Date.now = () => clock.t;
    try {
      const value = await withGlobals({
        performance: undefined,
        setImmediate: (f: () => void) => { turns++; void Promise.resolve().then(f); },
      }, () => runSliced(build(clock, 4, 5), 10));
      expect([value, turns, clock.steps]).to.deep.equal(['built', 2, 4]);
    } finally {
      Date.now = realNow;
    }
  });

  it('without setImmediate, turns through one MessageChannel, one message per turn', async () => {
    const clock = { t: 0, steps: 0 };
    let made = 0, posted = 0;
    class CountingChannel {
      port1: { onmessage: ((e: { data: unknown }) => void) | null } = { onmessage: null };
      port2 = { postMessage: (data: unknown) => { posted++; void Promise.resolve().then(() => this.port1.onmessage?.({ data })); } };
      constructor() { made++; }
    }
    const { runSliced } = await fresh();
    const value = await withGlobals({ performance: { now: () => clock.t }, setImmediate: undefined, MessageChannel: CountingChannel },
      () => runSliced(build(clock, 9, 5), 10));
    // 9 steps of 5 ms, two a slice: 4 turns.
    expect([value, clock.steps, posted, made]).to.deep.equal(['built', 9, 4, 1]);
    // Two builds at once share the channel; each resumes on its own message.
    const a = { t: 0, steps: 0 };
    const both = await withGlobals({ performance: { now: () => a.t }, setImmediate: undefined, MessageChannel: CountingChannel },
      () => Promise.all([runSliced(build(a, 6, 5), 10), runSliced(build(a, 6, 5), 10)]));
    expect(both).to.deep.equal(['built', 'built']);
    expect(a.steps).to.equal(12);
    expect(made).to.equal(1);
  });

  it('without setImmediate or MessageChannel, turns on a timer', async () => {
    const clock = { t: 0, steps: 0 };
    const { runSliced } = await fresh();
    const value = await withGlobals({ performance: { now: () => clock.t }, setImmediate: undefined, MessageChannel: undefined },
      () => runSliced(build(clock, 6, 5), 10));
    expect([value, clock.steps]).to.deep.equal(['built', 6]);
  });
});
