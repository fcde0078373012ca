// A portal's vanilla TypeScript: register every tag, listen to a typed event (no cast anywhere).
import 'chanrong/define';
import type { FinancingQuote } from 'chanrong';

const calculator = document.querySelector('chanrong-financing-calculator');
calculator?.addEventListener('chanrong-quote', (event) => {
  const quote: FinancingQuote = event.detail.quote;
  const rate: number = quote.annualizedRate;
  (window as unknown as { __typedRate?: number }).__typedRate = rate;
});
