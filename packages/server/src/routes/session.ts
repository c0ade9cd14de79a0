import { ENDPOINTS } from '@wij-techniek/onboarding-contract';
import { sessionView } from '../sessions/view.js';
import type { RouteModule } from './route-module.js';

/** `GET /session`: where this browser is in the flow, who is signed in, and their organisations. */
export const sessionRoutes: RouteModule = {
  name: 'session',
  register(api, ctx) {
    api.get(ENDPOINTS.session.path, async (c) => {
      return c.json(await sessionView(ctx.db, ctx.sessions.current(c), ctx.clock()), ENDPOINTS.session.status);
    });
  },
};
