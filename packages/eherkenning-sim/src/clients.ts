/** A relying party registered at the simulated broker. */
export interface SimulatedClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs; the broker refuses any other (RFC 9700 §2.1). */
  readonly redirectUris: readonly string[];
}

/** The client that `npm start` and the server's defaults use. Never for production. */
export const DEV_CLIENT: SimulatedClient = {
  clientId: 'wt-onboarding-dev',
  clientSecret: 'dev-secret-not-for-production',
  redirectUris: [
    'http://localhost:5173/api/v1/eherkenning/callback',
    'http://localhost:8787/api/v1/eherkenning/callback',
  ],
};

/** Thrown when `CLIENTS` cannot be read; the message names what to fix. */
export class ClientsConfigError extends Error {
  override name = 'ClientsConfigError';
}

/**
 * Reads the `CLIENTS` setting. Two forms:
 * - JSON: `[{"clientId":"…","clientSecret":"…","redirectUris":["…"]}]` (also `client_id`, `client_secret`,
 *   `redirect_uris`);
 * - compact: `id:secret:uri,uri;id2:secret2:uri` — clients separated by `;`, redirect URIs by `,`.
 *
 * Empty or unset gives {@link DEV_CLIENT}.
 */
export function parseClients(value: string | undefined): SimulatedClient[] {
  const text = value?.trim();
  if (!text) return [DEV_CLIENT];
  const clients = text.startsWith('[') || text.startsWith('{') ? fromJson(text) : fromCompact(text);
  if (clients.length === 0) throw new ClientsConfigError('CLIENTS names no client.');
  return clients.map(checked);
}

function fromJson(text: string): SimulatedClient[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ClientsConfigError('CLIENTS is not valid JSON.');
  }
  const list: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((entry) => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    return {
      clientId: stringOf(record.clientId ?? record.client_id),
      clientSecret: stringOf(record.clientSecret ?? record.client_secret),
      redirectUris: toStrings(record.redirectUris ?? record.redirect_uris),
    };
  });
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function toStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(stringOf);
}

function fromCompact(text: string): SimulatedClient[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const first = part.indexOf(':');
      const second = part.indexOf(':', first + 1);
      if (first <= 0 || second <= first) {
        throw new ClientsConfigError(`CLIENTS entry "${part.slice(0, 40)}" is not id:secret:uri[,uri].`);
      }
      return {
        clientId: part.slice(0, first),
        clientSecret: part.slice(first + 1, second),
        redirectUris: part
          .slice(second + 1)
          .split(',')
          .map((uri) => uri.trim())
          .filter(Boolean),
      };
    });
}

function checked(client: SimulatedClient): SimulatedClient {
  if (!client.clientId) throw new ClientsConfigError('CLIENTS has a client without an id.');
  if (!client.clientSecret) throw new ClientsConfigError(`CLIENTS client "${client.clientId}" has no secret.`);
  if (client.redirectUris.length === 0) {
    throw new ClientsConfigError(`CLIENTS client "${client.clientId}" has no redirect URI.`);
  }
  for (const uri of client.redirectUris) {
    if (!URL.canParse(uri)) {
      throw new ClientsConfigError(`CLIENTS client "${client.clientId}" has an invalid redirect URI "${uri}".`);
    }
  }
  return client;
}
