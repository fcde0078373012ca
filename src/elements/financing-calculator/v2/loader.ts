// Holds the lazily loaded v2 module (./index.ts): load() imports it once, and the host re-renders when it arrives.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type V2Module = typeof import('./index.js');

export class V2Loader implements ReactiveController {
  #host: ReactiveControllerHost;
  #promise: Promise<V2Module> | undefined;
  /** The module once loaded; undefined before. */
  value: V2Module | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  load(): Promise<V2Module> {
    this.#promise ??= import('./index.js').then((m) => {
      this.value = m;
      this.#host.requestUpdate();
      return m;
    });
    return this.#promise;
  }
}
