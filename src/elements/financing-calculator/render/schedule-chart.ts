// The schedule chart: principal and interest per period as stacked bars, the outstanding balance as a line.
// d3 computes scales and the path (d3-path, not all of d3-shape, for one polyline); lit renders the SVG. The chart is decorative for assistive
// technology: the same figures are in the yearly table beside it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { path as d3path } from 'd3-path';
import { svg, type SVGTemplateResult } from 'lit';
import type { ScheduleRow } from '../../../contract/index.js';

const W = 640, H = 240, M = { top: 12, right: 48, bottom: 24, left: 56 };

/** `marks`: periods where a new rate starts (after the first), drawn as dashed rules with the rate above them. */
export function scheduleChart(rows: readonly ScheduleRow[], format: (n: number) => string, marks: readonly { period: number; label: string }[] = []): SVGTemplateResult {
  const x = scaleBand<number>().domain(rows.map((r) => r.period)).range([M.left, W - M.right]).paddingInner(rows.length > 120 ? 0 : 0.15);
  const maxPayment = Math.max(1, ...rows.map((r) => r.principal + r.interest));
  const maxBalance = Math.max(1, ...rows.map((r) => r.openingBalance));
  const y = scaleLinear().domain([0, maxPayment]).nice().range([H - M.bottom, M.top]);
  const yb = scaleLinear().domain([0, maxBalance]).nice().range([H - M.bottom, M.top]);
  const balance = d3path();
  rows.forEach((r, i) => {
    const px = (x(r.period) ?? 0) + x.bandwidth() / 2;
    if (i === 0) balance.moveTo(px, yb(r.closingBalance));
    else balance.lineTo(px, yb(r.closingBalance));
  });
  const path = balance.toString();
  const years = rows.filter((r) => r.period % 12 === 0 || r.period === 1);
  return svg`<svg viewBox="0 0 ${W} ${H}" role="presentation" aria-hidden="true" focusable="false" class="chart">
    <g class="axis">
      ${y.ticks(4).map((t) => svg`<g transform="translate(0,${y(t)})"><line x1=${M.left} x2=${W - M.right} class="grid"></line>
        <text x=${M.left - 6} dy="0.32em" text-anchor="end">${format(t)}</text></g>`)}
      ${yb.ticks(4).map((t) => svg`<text x=${W - M.right + 6} y=${yb(t)} dy="0.32em" class="balance-label">${format(t)}</text>`)}
      ${years.map((r) => svg`<text x=${(x(r.period) ?? 0) + x.bandwidth() / 2} y=${H - 6} text-anchor="middle">${r.period}</text>`)}
    </g>
    ${rows.map((r) => {
      const x0 = x(r.period) ?? 0;
      const w = Math.max(x.bandwidth(), 0.5);
      return svg`<rect class="principal" x=${x0} width=${w} y=${y(r.principal)} height=${y(0) - y(r.principal)}></rect>
        <rect class="interest" x=${x0} width=${w} y=${y(r.principal + r.interest)} height=${y(r.principal) - y(r.principal + r.interest)}></rect>`;
    })}
    <path class="balance" d=${path}></path>
    ${marks.map((m) => {
      const mx = (x(m.period) ?? 0) + x.bandwidth() / 2;
      return svg`<g class="rate-mark" data-period=${m.period}><line x1=${mx} x2=${mx} y1=${M.top} y2=${H - M.bottom}></line>
        <text x=${mx + 3} y=${M.top + 10}>${m.label}</text></g>`;
    })}
  </svg>`;
}
