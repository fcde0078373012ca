// A portal's vanilla TypeScript: register every tag, listen to a typed event (no cast anywhere).
import 'chanrong/define';
import type { FinancingQuote } from 'chanrong';

const calculator = document.querySelector('chanrong-financing-calculator');
calculator?.addEventListener('chanrong-quote', (event) => {
  const { quote } = event.detail; // a loan's FinancingQuote or a bond's BondQuote
  if (!('annualizedRate' in quote)) return;
  const loan: FinancingQuote = quote;
  (window as unknown as { __typedRate?: number }).__typedRate = loan.annualizedRate;
});
