// Keeps a value in sessionStorage across reloads. Storage may be blocked (private mode, sandboxed frames) or hold
// something this version cannot read: then the value lives in memory only, and `load` says it found nothing usable.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Loaded<T> = { status: 'none' } | { status: 'ok'; value: T } | { status: 'unreadable' };

export class PersistenceController<T> implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly key: () => string, private readonly storage: () => Storage | undefined = defaultStorage) {
    host.addController(this);
  }
  hostConnected(): void {}

  load(): Loaded<T> {
    let text: string | null;
    try {
      text = this.storage()?.getItem(this.key()) ?? null;
    } catch {
      return { status: 'none' };
    }
    if (text === null) return { status: 'none' };
    try {
      return { status: 'ok', value: JSON.parse(text) as T };
    } catch {
      return { status: 'unreadable' };
    }
  }

  save(value: T): void {
    try {
      this.storage()?.setItem(this.key(), JSON.stringify(value));
    } catch { /* blocked or full: memory only */ }
  }

  clear(): void {
    try {
      this.storage()?.removeItem(this.key());
    } catch { /* blocked: nothing stored */ }
  }
}

function defaultStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
