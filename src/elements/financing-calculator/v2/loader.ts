// Holds the lazily loaded v2 module (./index.ts): load() imports it once, and the host re-renders when it arrives.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FinancingRequest } from '../../../contract/index.js';
import type { Drafts } from '../state/request-builder.js';

export type V2Module = typeof import('./index.js');

export class V2Loader implements ReactiveController {
  #host: ReactiveControllerHost;
  #promise: Promise<V2Module> | undefined;
  /** Requests and presets given before the module loaded: their v2 fields fill the drafts when it arrives. */
  #pending: Partial<FinancingRequest>[] = [];
  /** The module once loaded; undefined before. */
  value: V2Module | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The v2 fields of a request or preset: filled now when the module is here, else kept for fillPending. */
  fill(drafts: Drafts, financing: Partial<FinancingRequest>): Drafts {
    if (this.value) return this.value.fillV2Drafts(drafts, financing);
    this.#pending.push(financing);
    return drafts;
  }

  /** Fills what waited for the module (call once it is loaded). */
  fillPending(drafts: Drafts): Drafts {
    const v2 = this.value;
    return v2 ? this.#pending.splice(0).reduce((d, f) => v2.fillV2Drafts(d, f), drafts) : drafts;
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
