// The checker's question form, as a reactive controller: the drafts of the questions on screen (kept as typed, so
// a wrong answer can be fixed where it was typed), one error per question, the answers being edited again, and the
// region list, loaded only when a region question or answer needs it. Reading drafts into answers is pure
// (state/question-state.ts); this keeps them between renders.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FactDef, FactValue, Profile } from '../../contract/index.js';
import type { Region } from '../../data/regions/index.js';
import { answersOf, draftFromValue, type Draft, type ParseContext } from './state/question-state.js';

export class QuestionForm implements ReactiveController {
  drafts: Record<string, Draft> = {};
  errors: Record<string, string> = {};
  /** Facts the user chose to answer again: they are asked first. */
  editing: string[] | undefined;
  regions: Region[] | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly facts: () => Readonly<Record<string, FactDef>>, private readonly profile: () => Profile) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The draft of a question: what was typed, else the answer given so far. */
  draft(fact: string): Draft {
    const def = this.facts()[fact];
    return (this.drafts[fact] ??= def ? draftFromValue(def, this.profile()[fact]) : {});
  }

  set(fact: string, patch: Partial<Draft>): void {
    this.drafts = { ...this.drafts, [fact]: { ...this.draft(fact), ...patch } };
    if (this.errors[fact]) {
      const { [fact]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
    this.host.requestUpdate();
  }

  /** The answers of a group of questions; with any error, undefined (the errors are then shown). */
  read(group: readonly string[], ctx: Omit<ParseContext, 'hasCities'>): Record<string, FactValue> | undefined {
    const { answers, errors } = answersOf(group, this.facts(), (f) => this.draft(f), { ...ctx, hasCities: (p) => !!this.regions?.find((r) => r.adcode === p)?.cities.length });
    this.errors = errors;
    if (Object.keys(errors).length) return undefined;
    for (const fact of group) delete this.drafts[fact];
    this.editing = undefined;
    return answers;
  }

  /** Asks these facts again, from their current answers. */
  edit(facts: string[]): void {
    this.editing = facts;
    for (const f of facts) delete this.drafts[f];
    this.errors = {};
    if (facts.some((f) => this.facts()[f]?.type === 'region')) void this.loadRegions();
    this.host.requestUpdate();
  }

  reset(): void {
    this.drafts = {};
    this.errors = {};
    this.editing = undefined;
  }

  async loadRegions(): Promise<void> {
    if (this.regions) return;
    const { regions } = await import('../../data/regions/index.js');
    this.regions = regions;
    this.host.requestUpdate();
  }
}
