// One widget registered by its own entry, a second one from its class entry under the portal's own tag name;
// the map is never imported, so its tag must stay undefined.
import 'chanrong/define/services';
import 'chanrong/define/financing-calculator';
import { ChanrongEligibilityChecker } from 'chanrong/elements/eligibility-checker';

customElements.define('portal-checker', class extends ChanrongEligibilityChecker {});

document.querySelector('chanrong-financing-calculator')?.addEventListener('chanrong-quote', (event) => {
  const { quote } = event.detail;
  const months: number = 'schedule' in quote ? quote.schedule.length : quote.cashFlows.length;
  (window as unknown as { __typedRows?: number }).__typedRows = months;
});
