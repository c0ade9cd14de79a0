import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { CLAIM_NAMES } from './claims.js';
import type { SimulatedClient } from './clients.js';
import { claimsOf, findIdentityByPseudonym } from './identities.js';
import { LEVEL_URNS } from './levels.js';
import { errorPage } from './pages.js';
import type { SigningKeys } from './keys.js';
import { SUPPLIER_PARAM } from './suppliers.js';

/** What the provider is built from; kept so the provider can be rebuilt after a key rotation. */
export interface ProviderSettings {
  readonly issuer: string;
  readonly clients: readonly SimulatedClient[];
  readonly keys: SigningKeys;
  readonly cookieKeys: readonly string[];
}

/**
 * Builds the oidc-provider instance that plays the broker: code flow only, PKCE S256 required, the eHerkenning
 * levels as `acr` values, the supplier parameter accepted, the eHerkenning claims in the ID token, consent
 * implicit and a fresh login at every authorization request (a real broker never reuses a login silently).
 */
export function createProvider(settings: ProviderSettings): Provider {
  const policy = interactionPolicy.base();
  policy.remove('consent');
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('eherkenning_login', 'every eHerkenning authorization asks for a login', (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const configuration: Configuration = {
    clients: settings.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [...client.redirectUris],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    responseTypes: ['code'],
    pkce: { required: () => true },
    acrValues: Object.values(LEVEL_URNS),
    extraParams: [SUPPLIER_PARAM],
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub', ...Object.values(CLAIM_NAMES)],
    },
    // The eHerkenning attributes travel in the ID token itself, as most brokers send them (EHERKENNING.md §2.1).
    conformIdTokenClaims: false,
    findAccount(_ctx, sub) {
      const identity = findIdentityByPseudonym(sub);
      if (!identity) return undefined;
      const { sub: subject, ...rest } = claimsOf(identity);
      return { accountId: sub, claims: () => ({ sub: subject ?? sub, ...rest }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      // Consent is implicit: the broker hands the relying party what its service catalogue entry asks for.
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    interactions: { policy },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: false },
    },
    jwks: { keys: settings.keys.keys.map((key) => ({ ...key })) },
    cookies: { keys: [...settings.cookieKeys] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 300, IdToken: 300, AuthorizationCode: 60 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      ctx.body = errorPage(String(out.error), out.error_description ? String(out.error_description) : undefined);
    },
  };
  return new Provider(settings.issuer, configuration);
}
