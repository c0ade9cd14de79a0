import type { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';

/**
 * One area of the API (`src/routes/<area>.ts`). `register` adds its handlers to the `/api/v1` app; paths are
 * relative to that prefix. `app.ts` registers every module from one list.
 */
export interface RouteModule {
  readonly name: string;
  register(api: Hono<AppEnv>, ctx: AppContext): void;
}
