// Registration like Shoelace's: the same class again is ignored silently, another class keeps the first
// registration with one warning, and nothing ever throws, so a page may load the element twice.
import { expect, waitUntil } from '@open-wc/testing';
import { define, TAG } from '../src/define.js';
import { WtOnboarding } from '../src/onboarding.js';

describe('define()', () => {
  let warnings: unknown[][] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('registers <wt-onboarding> once', () => {
    expect(customElements.get(TAG)).to.equal(WtOnboarding);
    expect(document.createElement(TAG)).to.be.instanceOf(WtOnboarding);
  });

  it('is silent for the same class', () => {
    expect(define(TAG, WtOnboarding)).to.equal(WtOnboarding);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once, and does not throw, for another copy', () => {
    class OtherCopy extends HTMLElement {}
    expect(define(TAG, OtherCopy)).to.equal(WtOnboarding);
    expect(define(TAG, class YetAnother extends HTMLElement {})).to.equal(WtOnboarding);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<wt-onboarding> is already defined');
  });

  it('the CDN file can be loaded twice on one page', async function () {
    const cdn = '/packages/element/dist/cdn/wt-onboarding.js';
    if (!(await fetch(cdn, { method: 'HEAD' })).ok) {
      console.info(`${cdn} is not built (npm run build): not loaded twice`);
      this.skip();
    }
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    const errors: string[] = [];
    win.addEventListener('error', (event) => errors.push(event.message));
    for (const query of ['?first', '?second']) {
      const script = frame.contentDocument!.createElement('script');
      script.type = 'module';
      script.src = `${cdn}${query}`;
      frame.contentDocument!.head.append(script);
      await new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    }
    await waitUntil(() => win.customElements.get(TAG), 'not registered');
    expect(errors).to.deep.equal([]);
    frame.remove();
  });
});
