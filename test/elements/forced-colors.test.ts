// Windows high-contrast (forced-colors: active), emulated in Chromium through CDP (see web-test-runner.config.mjs):
// every control keeps a border in a system colour, the focus ring stays (an outline in Highlight, not 'none'), the
// checker's badges and program frames keep their borders, the status is written in words, and the chart's two
// series stay apart. Colours are compared with what the system colours resolve to in this page.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { $, $$, cleanup, mount, waitFor } from './helpers.js';

/** What a CSS system colour resolves to here (forced colours map it to the palette in use). */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name; // test probe, not widget code
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function border(node: Element) {
  const s = getComputedStyle(node);
  return { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth), color: s.borderTopColor };
}

describe('forced-colors: active', () => {
  before(async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    await waitFor(() => matchMedia('(forced-colors: active)').matches, 'the forced-colors emulation');
  });
  after(async () => {
    cleanup();
    await executeServerCommand('emulate-forced-colors', { active: false });
  });

  for (const extra of ['', 'theme="dark"', 'size="large"']) {
    it(`the calculator keeps its control borders and focus ring ${extra || '(default)'}`, async () => {
      const canvasText = systemColor('CanvasText'), buttonText = systemColor('ButtonText'), canvas = systemColor('Canvas'), highlight = systemColor('Highlight');
      expect(canvasText).to.not.equal(canvas);
      const el = await mount<HTMLElement>(`<chanrong-financing-calculator ${extra}></chanrong-financing-calculator>`);
      for (const node of $$(el, 'input[type=text], select')) {
        const b = border(node);
        expect(b.style, `${node.id} border`).to.not.equal('none');
        expect(b.width, `${node.id} border width`).to.be.at.least(1);
        expect(b.color, `${node.id} border colour`).to.equal(canvasText);
      }
      for (const node of $$(el, 'button')) {
        const b = border(node);
        expect(b.style, `button "${node.textContent!.trim()}" border`).to.not.equal('none');
        expect([buttonText, canvasText], `button "${node.textContent!.trim()}" border colour`).to.include(b.color);
      }
      // Keyboard focus: an outline in Highlight, never 'none'.
      for (const selector of ['#f-principal', 'form button[type=submit]', 'details.advanced summary']) {
        const node = $<HTMLElement>(el, selector);
        node.focus();
        expect(node.matches(':focus-visible'), `${selector} shows focus`).to.equal(true);
        const s = getComputedStyle(node);
        expect(s.outlineStyle, `${selector} outline`).to.not.equal('none');
        expect(parseFloat(s.outlineWidth), `${selector} outline width`).to.be.at.least(2);
        expect(s.outlineColor, `${selector} outline colour`).to.equal(highlight);
      }
      // The chart's principal and interest bars stay two different system colours.
      await waitFor(() => !!$(el, '.chart rect.principal'), 'the chart');
      const fill = (cls: string) => getComputedStyle($(el, `.chart rect.${cls}`)).fill;
      expect(fill('principal')).to.not.equal(fill('interest'));
      cleanup();
    });
  }

  it('the checker keeps its badges, program frames and field borders, and writes each status in words', async () => {
    const canvasText = systemColor('CanvasText');
    const el = await mount<HTMLElement>('<chanrong-eligibility-checker as-of="2026-01-01"></chanrong-eligibility-checker>');
    const badges = $$(el, '.badge');
    expect(badges.length).to.be.greaterThan(0);
    for (const badge of badges) expect(border(badge), 'badge border').to.deep.include({ style: 'solid', color: canvasText });
    for (const program of $$(el, '.program')) {
      expect(border(program), 'program frame').to.deep.include({ style: 'solid', color: canvasText });
      expect(program.querySelector('.status')!.textContent!.trim(), 'the status in words').to.not.equal('');
    }
    for (const node of $$(el, 'select, input[type=text]')) expect(border(node).color, `${node.id} border`).to.equal(canvasText);
    const submit = $<HTMLElement>(el, 'form button[type=submit]');
    submit.focus();
    expect(getComputedStyle(submit).outlineStyle).to.not.equal('none');
  });
});
