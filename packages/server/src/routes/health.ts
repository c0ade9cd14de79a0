import type { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';

/** `/healthz` (the process answers) and `/readyz` (it can reach its database). */
export function registerHealth(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await ctx.db.query('SELECT 1');
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
}
