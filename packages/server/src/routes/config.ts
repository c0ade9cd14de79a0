import {
  ENDPOINTS,
  MINIMUM_EHERKENNING_LEVEL,
  VERIFICATION_CODE_RULES,
  type Config as ConfigAnswer,
} from '@wij-techniek/onboarding-contract';
import type { RouteModule } from './route-module.js';

/** `GET /config`: the password policy, the code rules and the suppliers, for the UI before anyone starts. */
export const configRoutes: RouteModule = {
  name: 'config',
  register(api, ctx) {
    api.get(ENDPOINTS.config.path, async (c) => {
      let suppliers: ConfigAnswer['suppliers'] = [];
      try {
        suppliers = [...(await ctx.suppliers())];
      } catch (error) {
        // The broker's list being unreachable must not break the first screens; the supplier step says so later.
        ctx.logger.warn('suppliers_unavailable', { error: String(error) });
      }
      const answer: ConfigAnswer = {
        passwordPolicy: { ...ctx.passwordPolicy, requiredClasses: [...ctx.passwordPolicy.requiredClasses] },
        verificationCode: { ...VERIFICATION_CODE_RULES },
        suppliers,
        minimumLevel: MINIMUM_EHERKENNING_LEVEL,
        defaultLanguage: 'nl',
      };
      return c.json(answer, ENDPOINTS.config.status);
    });
  },
};
