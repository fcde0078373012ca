// The checker's answers (and its last report) kept across reloads with `persist`. Saved answers are not trusted:
// once the catalog is known they are fitted to it (state/profile-fit.ts), what no longer fits is dropped, and the
// widget says which; unreadable storage is cleared. Nothing saved can lock the widget in an error state.
import type { ReactiveControllerHost } from 'lit';
import type { EligibilityReport, FactDef, Profile } from '../../contract/index.js';
import { PersistenceController } from '../core/controllers/persistence.js';
import { fitProfile } from './state/profile-fit.js';
import { asBaseline, baselineOf, type Baseline } from './state/since.js';

const PREFIX = 'chanrong:eligibility:';

export type Restored = { status: 'none' } | { status: 'unreadable' } | { status: 'ok'; profile: Profile; dropped: string[] };

export class SavedAnswers {
  #answers: PersistenceController<unknown>;
  #report: PersistenceController<unknown>;
  #raw: unknown;
  #loaded = false;
  #fitted = false;

  constructor(host: ReactiveControllerHost, key: () => string) {
    this.#answers = new PersistenceController<unknown>(host, () => `${PREFIX}${key()}`);
    this.#report = new PersistenceController<unknown>(host, () => `${PREFIX}${key()}:report`);
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Reads storage (once); returns the saved report's baseline, if any. */
  load(): Baseline | undefined {
    this.#loaded = true;
    const saved = this.#answers.load();
    this.#raw = saved.status === 'ok' ? saved.value : saved.status === 'unreadable' ? UNREADABLE : undefined;
    const report = this.#report.load();
    return report.status === 'ok' ? asBaseline(report.value) : undefined;
  }

  /** The saved answers that fit the catalog's facts (once, after `load`). */
  fit(facts: Readonly<Record<string, FactDef>>): Restored {
    if (this.#fitted || this.#raw === undefined) return { status: 'none' };
    this.#fitted = true;
    if (this.#raw === UNREADABLE) {
      this.#answers.clear();
      return { status: 'unreadable' };
    }
    const { profile, dropped } = fitProfile(this.#raw, facts);
    return dropped[0] === '*' ? { status: 'unreadable' } : { status: 'ok', profile, dropped };
  }

  save(profile: Profile): void {
    this.#answers.save(profile);
  }

  saveReport(report: EligibilityReport): void {
    this.#report.save(baselineOf(report));
  }

  clear(): void {
    this.#answers.clear();
    this.#report.clear();
  }
}

const UNREADABLE = Symbol('unreadable');
