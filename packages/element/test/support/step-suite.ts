// The shared suite every step runs, in both languages (Shoelace's form-control-base-tests, for steps).
import { expect } from '@open-wc/testing';
import type { StepId } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../../src/controllers/localize-controller.js';
import { heading, shadowAll, showStep } from './fixture.js';

/** Parts seen while rendering the steps, so a manifest test can check every documented part shows up. */
export const seenParts = new Set<string>();

/** Runs the shared checks for `step` in Dutch and English. */
export function runStepTests(step: StepId, headingOf: (lang: 'nl' | 'en') => string): void {
  for (const lang of ['nl', 'en'] as const) {
    describe(`${step} (${lang})`, () => {
      it('passes the axe check (WCAG 2.2 AA)', async () => {
        const el = await showStep(step, { lang });
        await expect(el).to.be.accessible();
      });

      it('shows its heading in the language of the page, focusable for focus moves', async () => {
        const el = await showStep(step, { lang });
        expect(heading(el)).to.equal(headingOf(lang));
        expect(el.shadowRoot!.querySelector('#wt-heading')!.getAttribute('tabindex')).to.equal('-1');
      });

      it('labels every input visibly and ties its hint and errors to it', async () => {
        const el = await showStep(step, { lang });
        for (const input of shadowAll<HTMLInputElement>(el, 'input:not([hidden]), select')) {
          const label = el.shadowRoot!.querySelector(`label[for="${input.id}"]`);
          expect(label?.textContent?.trim(), `label of ${input.name}`).to.have.length.above(0);
          expect(input.getAttribute('autocomplete'), `autocomplete of ${input.name}`).to.be.a('string');
          for (const id of input.getAttribute('aria-describedby')?.split(' ') ?? []) {
            expect(el.shadowRoot!.getElementById(id), `#${id} describing ${input.name}`).to.not.equal(null);
          }
        }
      });

      it('has 44px targets and sets its step state', async () => {
        const el = await showStep(step, { lang });
        for (const target of shadowAll(el, 'button, input:not([hidden]), select')) {
          const box = target.getBoundingClientRect();
          expect(box.height, `height of ${target.outerHTML.slice(0, 60)}`).to.be.at.least(44);
          expect(box.width).to.be.at.least(44);
        }
        expect(el.matches(`:state(step-${step})`)).to.equal(true);
        expect(el.matches(':state(busy)')).to.equal(false);
        for (const part of shadowAll(el, '[part]')) {
          for (const name of part.getAttribute('part')!.split(/\s+/u)) if (name) seenParts.add(name);
        }
      });

      it('fits a 320px wide viewport without horizontal scrolling', async () => {
        const el = await showStep(step, { lang });
        el.style.inlineSize = '320px';
        await el.updateComplete;
        const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
        expect(base.scrollWidth).to.be.at.most(320);
        el.style.inlineSize = '';
      });
    });
  }
}

/** The heading text of a step, from the built-in tables. */
export function headingFrom(group: keyof typeof TRANSLATIONS.nl): (lang: 'nl' | 'en') => string {
  return (lang) => (TRANSLATIONS[lang][group] as { heading: string }).heading;
}
