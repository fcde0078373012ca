// The selected incubator's details: its facts, who recognised it and when (contract v2 `recognition`), and the
// sources those facts come from, each with its link and the date it was checked.
import { html, nothing } from 'lit';
import { localize } from '../../contract/localize.js';
import type { Incubator, Source } from '../../contract/index.js';
import type { PanelContext } from './panels.js';

function renderSource(c: PanelContext, s: Source) {
  const title = localize(s.title, c.locale), t = c.t.map;
  const dates = [s.date, s.reviewedOn ? t.checkedOn(s.reviewedOn) : undefined].filter(Boolean).join(c.locale === 'en' ? '; ' : '；');
  return html`<li>${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${title}</a>` : title}${dates ? html`<span class="muted">${c.locale === 'en' ? ` (${dates})` : `（${dates}）`}</span>` : nothing}</li>`;
}

export function renderDetails(c: PanelContext, it: Incubator, close: () => void) {
  const t = c.t.map;
  const l = c.locale;
  const sep = l === 'en' ? ', ' : '、';
  const row = (label: string, value: unknown) => (value === undefined || value === '' ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
  const recognition = it.recognition?.map((r) => (r.year ? t.recognitionYear(t.recognitionKinds[r.kind], String(r.year)) : t.recognitionKinds[r.kind]));
  return html`<section class="details" part="details" aria-labelledby="details-title">
    <h3 id="details-title" tabindex="-1">${localize(it.name, l)}</h3>
    <dl>
      ${row(t.level, c.t.levels[it.level])}
      ${row(t.kind, t.kinds[it.kind])}
      ${recognition?.length ? html`<dt>${t.recognition}</dt><dd class="recognition"><ul>${recognition.map((r) => html`<li>${r}</li>`)}</ul></dd>` : nothing}
      ${row(t.industries, it.industries.map((i) => c.industryName(i)).join(sep))}
      ${row(t.founded, it.founded)}
      ${row(t.operator, it.operator ? localize(it.operator, l) : undefined)}
      ${row(t.address, it.address ? localize(it.address, l) : undefined)}
      ${row(t.area, it.areaM2 ? `${c.number(it.areaM2)} m²` : undefined)}
      ${row(t.services, it.services?.map((s) => localize(s, l)).join(l === 'en' ? '; ' : '；'))}
      ${it.url ? html`<dt>${t.website}</dt><dd><a href=${it.url} rel="noopener noreferrer" target="_blank">${it.url}</a></dd>` : nothing}
      ${it.sources?.length ? html`<dt>${t.sources}</dt><dd class="sources"><ul>${it.sources.map((s) => renderSource(c, s))}</ul></dd>` : nothing}
    </dl>
    <button type="button" class="secondary" @click=${close}>${t.close}</button>
  </section>`;
}
