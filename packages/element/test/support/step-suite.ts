// The shared suite every step runs, in both languages (Shoelace's form-control-base-tests, for steps).
import { expect } from '@open-wc/testing';
import type { StepId } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../../src/controllers/localize-controller.js';
import { heading, shadowAll, showStep } from './fixture.js';

/** Runs the shared checks for `step` in Dutch and English. */
export function runStepTests(step: StepId, headingOf: (lang: 'nl' | 'en') => string): void {
  for (const lang of ['nl', 'en'] as const) {
    describe(`${step} (${lang})`, () => {
      it('passes the axe check (WCAG 2.2 AA)', async () => {
        const el = await showStep(step, { lang });
        await expect(el).to.be.accessible();
      });

      // One fixture for the rest keeps the suite fast: each check names what it looks at.
      it('heading, labels, hints, 44px targets, step state, 320px wide', async () => {
        const el = await showStep(step, { lang });
        expect(heading(el)).to.equal(headingOf(lang));
        expect(el.shadowRoot!.querySelector('#wt-heading')!.getAttribute('tabindex')).to.equal('-1');

        for (const input of shadowAll<HTMLInputElement>(el, 'input:not([hidden]), select')) {
          const label = el.shadowRoot!.querySelector(`label[for="${input.id}"]`);
          expect(label?.textContent?.trim(), `label of ${input.name}`).to.have.length.above(0);
          expect(input.getAttribute('autocomplete'), `autocomplete of ${input.name}`).to.be.a('string');
          for (const id of input.getAttribute('aria-describedby')?.split(' ') ?? []) {
            expect(el.shadowRoot!.getElementById(id), `#${id} describing ${input.name}`).to.not.equal(null);
          }
        }

        for (const target of shadowAll(el, 'button, input:not([hidden]), select')) {
          const box = target.getBoundingClientRect();
          expect(box.height, `height of ${target.outerHTML.slice(0, 60)}`).to.be.at.least(44);
          expect(box.width).to.be.at.least(44);
        }
        expect(el.matches(`:state(step-${step})`)).to.equal(true);
        expect(el.matches(':state(busy)')).to.equal(false);

        el.style.inlineSize = '320px';
        await el.updateComplete;
        const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
        expect(base.scrollWidth, 'no horizontal scrolling at 320px').to.be.at.most(320);
      });
    });
  }
}

/** The heading text of a step, from the built-in tables. */
export function headingFrom(group: keyof typeof TRANSLATIONS.nl): (lang: 'nl' | 'en') => string {
  return (lang) => (TRANSLATIONS[lang][group] as { heading: string }).heading;
}
