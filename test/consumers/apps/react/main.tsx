// A React 19 portal page: chanrong/react's components (props as properties, typed on* events) and a raw tag typed
// by chanrong/jsx (React 19 sets known properties and listens to `on<event name>`). No cast on any event.
/// <reference types="chanrong/jsx" />
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ChanrongEligibilityChecker, ChanrongFinancingCalculator, ChanrongServices, type ChanrongQuoteEvent } from 'chanrong/react';
import type { FinancingQuote } from 'chanrong';

const globals = window as unknown as { __typedRate?: number; __rawRender?: number };

function App() {
  const [rate, setRate] = useState<number>();
  const onQuote = (event: ChanrongQuoteEvent) => { const { quote } = event.detail; if ('annualizedRate' in quote) setRate(quote.annualizedRate); };
  return (
    <ChanrongServices>
      <ChanrongEligibilityChecker locale="zh-CN" />
      <ChanrongFinancingCalculator principal={1_000_000} termMonths={36} onChanrongQuote={onQuote} />
      <ChanrongFinancingCalculator principal={200_000} termMonths={12}
        onChanrongQuote={(e) => { if ('annualizedRate' in e.detail.quote) { const q: FinancingQuote = e.detail.quote; globals.__typedRate = q.annualizedRate; } }} />
      <chanrong-incubator-map locale="en" level="national" onchanrong-render={(e) => { globals.__rawRender = e.detail.points; }} />
      <output id="rate">{rate === undefined ? '' : String(rate)}</output>
    </ChanrongServices>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
