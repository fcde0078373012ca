// A React 19 portal page with chanrong/react: props as properties, typed on* events (no cast).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ChanrongEligibilityChecker, ChanrongFinancingCalculator, ChanrongIncubatorMap, ChanrongServices,
} from 'chanrong/react';
import type { FinancingQuote } from 'chanrong';

function App() {
  const [rate, setRate] = useState<number>();
  const onQuote = (event: CustomEvent<{ quote: FinancingQuote }>) => setRate(event.detail.quote.annualizedRate);
  return (
    <ChanrongServices>
      <ChanrongEligibilityChecker locale="zh-CN" />
      <ChanrongFinancingCalculator principal={1_000_000} termMonths={36} onChanrongQuote={onQuote} />
      <ChanrongFinancingCalculator principal={200_000} termMonths={12}
        onChanrongQuote={(e) => { const q: FinancingQuote = e.detail.quote; (window as unknown as { __typedRate?: number }).__typedRate = q.annualizedRate; }} />
      <ChanrongIncubatorMap onChanrongRender={(e) => { const n: number = e.detail.points; void n; }} />
      <output id="rate">{rate === undefined ? '' : String(rate)}</output>
    </ChanrongServices>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
