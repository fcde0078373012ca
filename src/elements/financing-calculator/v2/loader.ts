// Holds the lazily loaded v2 module (./index.ts): load() imports it once, on the first use of a v2 feature, and the
// host re-renders when it arrives. Requests and presets with v2 fields given before then wait here (and start the
// load), so their v2 fields fill the drafts once it has arrived.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FinancingRequest } from '../../../contract/index.js';
import type { Drafts } from '../state/request-builder.js';
import { usesV2 } from '../state/v2-defaults.js';

export type V2Module = typeof import('./index.js');

export class V2Loader implements ReactiveController {
  #host: ReactiveControllerHost;
  #promise: Promise<V2Module> | undefined;
  /** Requests and presets given before the module loaded, in order, from the first that named a v2 field. */
  #pending: { financing: Partial<FinancingRequest>; replaceCosts: boolean }[] = [];
  /** The module once loaded; undefined before. */
  value: V2Module | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** True once a v2 feature was used (the module is loading or here). */
  get started(): boolean {
    return this.#promise !== undefined;
  }

  /** True when filled v2 fields wait for the module (the caller then loads it). */
  get waiting(): boolean {
    return this.#pending.length > 0;
  }

  /** The v2 fields of a request or preset: filled now when the module is here, else kept for fillPending if the
   * request names one (or follows one that did, so they apply in order). */
  fill(drafts: Drafts, financing: Partial<FinancingRequest>, replaceCosts = true): Drafts {
    if (this.value) return this.value.fillV2Drafts(drafts, financing, { replaceCosts });
    if (usesV2(financing) || this.#pending.length) this.#pending.push({ financing, replaceCosts });
    return drafts;
  }

  /** Fills what waited for the module (call once it is loaded). */
  fillPending(drafts: Drafts): Drafts {
    const v2 = this.value;
    return v2 ? this.#pending.splice(0).reduce((d, p) => v2.fillV2Drafts(d, p.financing, { replaceCosts: p.replaceCosts }), drafts) : drafts;
  }

  load(): Promise<V2Module> {
    this.#promise ??= import('./index.js').then((m) => {
      this.value = m;
      this.#host.requestUpdate();
      return m;
    });
    return this.#promise;
  }
}
