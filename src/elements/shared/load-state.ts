// A small state machine for "load something from the client": loading → ready | error, cancellable, and
// never showing an answer that arrives after a newer request started.
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

export class Loader<T> {
  state: LoadState<T> = { status: 'idle' };
  /** The last value that loaded, kept while a newer request runs or after one fails. */
  previous: T | undefined;
  #controller: AbortController | undefined;
  constructor(private readonly onChange: () => void) {}

  async load(run: (signal: AbortSignal) => Promise<T>): Promise<LoadState<T>> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.state = { status: 'loading' };
    this.onChange();
    try {
      const value = await run(controller.signal);
      if (controller.signal.aborted) return this.state;
      this.state = { status: 'ready', value };
      this.previous = value;
    } catch (error) {
      if (controller.signal.aborted) return this.state;
      this.state = { status: 'error', error };
    }
    this.onChange();
    return this.state;
  }

  abort(): void {
    this.#controller?.abort();
  }
}
