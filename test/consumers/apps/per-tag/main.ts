// One widget registered by its own entry, a second one from its class entry under the portal's own tag name;
// the map is never imported, so its tag must stay undefined.
import 'chanrong/define/services';
import 'chanrong/define/financing-calculator';
import { ChanrongEligibilityChecker } from 'chanrong/elements/eligibility-checker';
// A named event type from the classes' entry (type-only: nothing of the other widgets is bundled).
import type { ChanrongQuoteEvent } from 'chanrong/elements';

customElements.define('portal-checker', class extends ChanrongEligibilityChecker {});

const onQuote = (event: ChanrongQuoteEvent) => {
  const { quote } = event.detail;
  const months: number = 'schedule' in quote ? quote.schedule.length : 'cashFlows' in quote ? quote.cashFlows.length : quote.days;
  (window as unknown as { __typedRows?: number }).__typedRows = months;
};
document.querySelector('chanrong-financing-calculator')?.addEventListener('chanrong-quote', onQuote);
