// A request to the client, as a reactive controller: idle → loading → ready | error, cancellable, an answer that
// arrives after a newer request started is dropped, and the last good value is kept (and marked stale) while a new
// one is computed or after it fails, until the widget drops it with `discard()`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

export class ClientTask<T> implements ReactiveController {
  state: TaskState<T> = { status: 'idle' };
  /** The last value that loaded. */
  previous: T | undefined;
  #controller: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The value to show: the fresh one, else the previous one (then `stale` says why). */
  get value(): T | undefined {
    return this.state.status === 'ready' ? this.state.value : this.previous;
  }

  /** Why the value shown is not fresh: `loading` while a newer request runs, `failed` after it failed. */
  get stale(): 'loading' | 'failed' | undefined {
    if (this.previous === undefined) return undefined;
    if (this.state.status === 'loading') return 'loading';
    if (this.state.status === 'error') return 'failed';
    return undefined;
  }

  get error(): unknown {
    return this.state.status === 'error' ? this.state.error : undefined;
  }

  async run(work: (signal: AbortSignal) => Promise<T>): Promise<TaskState<T>> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.state = { status: 'loading' };
    this.host.requestUpdate();
    try {
      const value = await work(controller.signal);
      if (controller.signal.aborted) return this.state;
      this.state = { status: 'ready', value };
      this.previous = value;
    } catch (error) {
      if (controller.signal.aborted) return this.state;
      this.state = { status: 'error', error };
    }
    this.host.requestUpdate();
    return this.state;
  }

  /** Forgets the previous value (a stale quote the user should no longer see). */
  discard(): void {
    this.previous = undefined;
    if (this.state.status === 'ready') this.state = { status: 'idle' };
    this.host.requestUpdate();
  }

  abort(): void {
    this.#controller?.abort();
  }

  hostConnected(): void {}
  hostDisconnected(): void {
    this.abort();
  }
}
