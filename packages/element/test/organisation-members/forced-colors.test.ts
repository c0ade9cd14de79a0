// Forced colours (Windows contrast themes), light and dark: the removal confirmation's border is a system colour
// that contrasts with the canvas (Mark is yellow on white in the light themes, 1.07:1).
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { backgroundBehind, contrast } from '../support/page-css.js';
import { PIET } from './api.js';
import { $, buttonByText, item, mount } from './fixture.js';

describe('<wt-organisation-members> in forced colours', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none', colorScheme: 'light' }));

  for (const scheme of ['light', 'dark'] as const) {
    it(`(${scheme} theme) the removal confirmation keeps a border that contrasts 3:1`, async () => {
      await emulateMedia({ forcedColors: 'active', colorScheme: scheme });
      const el = await mount();
      buttonByText(el, 'Verwijderen', item(el, PIET.id)).click();
      await el.updateComplete;
      const confirmation = $(el, '[part="confirmation"]');
      const border = getComputedStyle(confirmation).borderInlineStartColor;
      const canvas = backgroundBehind(confirmation);
      expect(contrast(border, canvas), `${border} on ${canvas}`).to.be.at.least(3);
    });
  }
});
