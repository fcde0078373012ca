// Pages a long list (a 360-month schedule): which rows to show, and moving focus to the page status after a turn
// so keyboard and screen-reader users know where they are.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PagingController implements ReactiveController {
  page = 1;
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode; updateComplete: Promise<boolean> }, readonly size: number, private readonly statusSelector: string) {
    host.addController(this);
  }
  hostConnected(): void {}

  pages(total: number): number {
    return Math.max(1, Math.ceil(total / this.size));
  }

  /** The rows of the current page (the page is clamped when the list got shorter). */
  slice<T>(rows: readonly T[]): T[] {
    this.page = Math.min(this.page, this.pages(rows.length));
    return rows.slice((this.page - 1) * this.size, this.page * this.size);
  }

  async go(page: number): Promise<void> {
    this.page = Math.max(1, page);
    this.host.requestUpdate();
    await this.host.updateComplete;
    (this.host.renderRoot.querySelector(this.statusSelector) as HTMLElement | null)?.focus();
  }

  reset(): void {
    this.page = 1;
  }
}
