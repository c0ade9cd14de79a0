import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { DEV_CLIENT, type SimulatedClient } from './clients.js';
import { STYLESHEET, STYLESHEET_PATH } from './html.js';
import { handleInteraction } from './interaction.js';
import { SigningKeys } from './keys.js';
import { assertNotProduction } from './production-guard.js';
import { createProvider, type ProviderSettings } from './provider.js';
import { SIMULATED_SUPPLIERS, SUPPLIERS_PATH } from './suppliers.js';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port; `0` picks a free one. Default 8788. */
  readonly port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** The registered relying parties. Default: the dev client ({@link DEV_CLIENT}). */
  readonly clients?: readonly SimulatedClient[];
  /** The issuer identifier; default `http://localhost:<port>` (browsers see `localhost`, DESIGN.md). */
  readonly issuer?: string;
  /** The environment to check; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Origins, besides those of the clients' redirect URIs, where a login may end up: the pages the relying party
   * sends the browser back to after its callback (its `ALLOWED_ORIGINS`). The login page's `form-action` allows
   * them, since Chromium checks it against every hop of the redirects after the form's POST, the last one too;
   * without them a login whose return page is on another origin silently does nothing in Chromium.
   */
  readonly formActionOrigins?: readonly string[];
}

/**
 * Test-only ways to make the broker misbehave, for the relying party's failure handling (SECURITY.md O14, F7).
 * Each is off by default.
 */
export interface SimulatorFaults {
  /** The token endpoint answers 500 instead of issuing tokens. */
  tokenEndpointFails: boolean;
  /** Every endpoint answers 503, as a broker that is down. */
  unavailable: boolean;
}

/** A running simulator. */
export interface RunningSimulator {
  /** The issuer identifier (discovery is at `${issuer}/.well-known/openid-configuration`). */
  readonly issuer: string;
  /** The base URL it listens on. */
  readonly url: string;
  /** Where the supplier list is served as JSON. */
  readonly suppliersUrl: string;
  /** Switches test-only faults on and off. */
  readonly faults: SimulatorFaults;
  /** Makes a new RS256 key the signing key; the previous one stays in the JWKS. */
  rotateSigningKey(): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The security headers of the simulator's own pages: a strict CSP with no inline script or style. */
function pageHeaders(formTargets: readonly string[]): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      // Chromium checks form-action against every redirect after the POST, down to the relying party.
      `form-action 'self' ${formTargets.join(' ')}`.trim(),
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * Starts the simulated eHerkenning broker: a real OpenID Provider (oidc-provider) with discovery, JWKS, the
 * code flow with PKCE S256, the eHerkenning levels as `acr`, the supplier list at `/suppliers` and Dutch login
 * pages at the chosen supplier. Refuses to run when `NODE_ENV` is `production`.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const env = options.env ?? process.env;
  assertNotProduction(env);
  const clients = options.clients ?? [DEV_CLIENT];
  const formTargets = [
    ...new Set([
      ...clients.flatMap((client) => client.redirectUris.map((uri) => new URL(uri).origin)),
      ...(options.formActionOrigins ?? []).map((origin) => new URL(origin).origin),
    ]),
  ];
  const headers = pageHeaders(formTargets);
  const send = (res: ServerResponse, status: number, html: string): void => {
    res.writeHead(status, headers).end(html);
  };
  const faults: SimulatorFaults = { tokenEndpointFails: false, unavailable: false };

  let provider: Provider | undefined;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Interne fout in de eHerkenning-simulatie.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sim.invalid').pathname;
    if (faults.unavailable) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' }).end('Onderhoud');
      return;
    }
    if (!provider) throw new Error('provider not ready');
    if (path === SUPPLIERS_PATH && req.method === 'GET') {
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=300' })
        .end(JSON.stringify(SIMULATED_SUPPLIERS));
      return;
    }
    if (path === STYLESHEET_PATH && req.method === 'GET') {
      res
        .writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
        .end(STYLESHEET);
      return;
    }
    if (path.startsWith('/interaction/')) {
      await handleInteraction(provider, req, res, send);
      return;
    }
    if (path === '/token' && faults.tokenEndpointFails) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"server_error"}');
      return;
    }
    await provider.callback()(req, res);
  }

  const requestedPort = options.port ?? 8788;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const settings: ProviderSettings = {
    issuer: options.issuer ?? `http://localhost:${port}`,
    clients,
    keys: new SigningKeys(),
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  provider = createProvider(settings);

  return {
    issuer: settings.issuer,
    url,
    suppliersUrl: `${settings.issuer}${SUPPLIERS_PATH}`,
    faults,
    rotateSigningKey() {
      settings.keys.rotate();
      // oidc-provider reads its keys once; a new instance over the same in-memory store keeps running flows.
      provider = createProvider(settings);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
