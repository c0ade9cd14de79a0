import {
  createHash,
  createHmac,
  createPrivateKey,
  createSign,
  randomBytes,
  randomUUID,
  type JsonWebKey,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from 'jose';

/**
 * How the bad OP misbehaves: one variant per OIDF RP case (SECURITY.md §3) that a single OP answer can show.
 * `good` is a correct broker.
 */
export type OpVariant =
  | 'good'
  | 'invalid-iss'
  | 'missing-sub'
  | 'invalid-aud'
  | 'missing-iat'
  | 'kid-absent-single-jwks'
  | 'kid-absent-multiple-jwks'
  | 'alg-none'
  | 'bad-rs256-signature'
  | 'userinfo-sub-mismatch'
  | 'invalid-nonce'
  | 'userinfo-claims'
  | 'discovery-issuer-mismatch'
  | 'missing-aud'
  | 'secondary-aud'
  | 'expired-exp'
  | 'missing-exp'
  | 'missing-iss'
  | 'missing-nonce'
  | 'iat-week-in-past'
  | 'null-alg'
  | 'bad-es256-signature'
  | 'bad-hs256-signature'
  | 'invalid-state'
  | 'missing-state'
  | 'invalid-authorization-response-iss'
  | 'authorization-response-iss-removed'
  | 'acr-loa2'
  | 'acr-missing'
  | 'kvk-malformed'
  | 'identifier-rsin'
  | 'cancel'
  | 'token-endpoint-500';

/** What the bad OP saw in the last authorization request and how the client authenticated. */
export interface OpObservations {
  lastAuthorization: URLSearchParams | undefined;
  lastTokenAuth: 'client_secret_basic' | 'client_secret_post' | 'none' | undefined;
}

/** The eHerkenning claims the good OP hands out. */
export const GOOD_CLAIMS = {
  'urn:etoegang:core:LegalSubjectID': '68750110',
  namequalifier: 'urn:etoegang:1.9:EntityConcernedID:KvKnr',
  'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr': '000037178598',
  'urn:etoegang:1.11:attribute-represented:CompanyName': 'Installatiebedrijf De Vries B.V.',
} as const;

/** The subject the good OP hands out. */
export const GOOD_SUBJECT = 'pseudo-7f3a9c@bad-op.test';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function rsaKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * A deliberately configurable OpenID Provider on 127.0.0.1, built with `jose`, that serves discovery, JWKS,
 * an authorization endpoint that answers at once (no login page), a token endpoint with PKCE and
 * client_secret_basic, and userinfo — and misbehaves as {@link BadOp.variant} says.
 */
export class BadOp {
  variant: OpVariant = 'good';
  /** Which part answers 503, as a broker that is (partly) down. */
  down: 'none' | 'all' | 'jwks' | 'token' = 'none';
  /** Give every authorization its own subject, as many different people of one company would have. */
  uniqueSubjects = false;
  /** What `/suppliers` serves. */
  suppliers: unknown = [
    { id: 'urn:etoegang:AD:1:entities:9001', name: 'Connectis (test)' },
    { id: 'urn:etoegang:AD:2:entities:9002', name: 'Digidentity (test)' },
  ];
  readonly observations: OpObservations = { lastAuthorization: undefined, lastTokenAuth: undefined };
  readonly #server: Server;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #redirectUri: string;
  #issuer = '';
  #keys: SigningKey[] = [];
  #strangerKey: SigningKey | undefined;
  readonly #codes = new Map<string, { nonce: string | undefined; challenge: string; used: boolean; subject: string }>();
  readonly #accessTokens = new Map<string, string>();

  constructor(client: { clientId: string; clientSecret: string; redirectUri: string }) {
    this.#clientId = client.clientId;
    this.#clientSecret = client.clientSecret;
    this.#redirectUri = client.redirectUri;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  /** The issuer identifier. */
  get issuer(): string {
    return this.#issuer;
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    this.#keys = [await rsaKey()];
    this.#strangerKey = await rsaKey();
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#issuer = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Signs with a new key from now on; the old one stays in the JWKS. */
  async rotate(): Promise<void> {
    this.#keys = [await rsaKey(), ...this.#keys.slice(0, 1)];
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.#issuer);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const part = url.pathname === '/jwks' ? 'jwks' : url.pathname === '/token' ? 'token' : 'other';
    if (this.down === 'all' || this.down === part) return json(503, { error: 'temporarily_unavailable' });
    switch (url.pathname) {
      case '/suppliers':
        return json(200, this.suppliers);
      case '/.well-known/openid-configuration':
        return json(200, {
          issuer: this.variant === 'discovery-issuer-mismatch' ? `${this.#issuer}/someone-else` : this.#issuer,
          authorization_endpoint: `${this.#issuer}/authorize`,
          token_endpoint: `${this.#issuer}/token`,
          jwks_uri: `${this.#issuer}/jwks`,
          userinfo_endpoint: `${this.#issuer}/userinfo`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
          authorization_response_iss_parameter_supported: true,
        });
      case '/jwks':
        return json(200, { keys: this.#jwks() });
      case '/authorize':
        return this.#authorize(url, res);
      case '/token':
        return this.#token(req, json);
      case '/userinfo':
        return this.#userinfo(req, json);
      default:
        res.writeHead(404).end();
        return;
    }
  }

  #jwks(): JWK[] {
    const withoutKid = ({ kid: _kid, ...rest }: JWK): JWK => rest;
    const first = this.#keys[0]!;
    if (this.variant === 'kid-absent-single-jwks') return [withoutKid(first.publicJwk)];
    if (this.variant === 'kid-absent-multiple-jwks') {
      return [withoutKid(first.publicJwk), withoutKid(this.#strangerKey!.publicJwk)];
    }
    return this.#keys.map((key) => key.publicJwk);
  }

  #authorize(url: URL, res: ServerResponse): void {
    const params = url.searchParams;
    this.observations.lastAuthorization = new URLSearchParams(params);
    if (
      params.get('client_id') !== this.#clientId ||
      params.get('redirect_uri') !== this.#redirectUri ||
      params.get('response_type') !== 'code' ||
      params.get('code_challenge_method') !== 'S256' ||
      !params.get('code_challenge')
    ) {
      res.writeHead(400).end('bad authorization request');
      return;
    }
    const back = new URL(this.#redirectUri);
    const state = params.get('state') ?? '';
    if (this.variant === 'cancel') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The user cancelled');
    } else {
      const code = randomBytes(24).toString('base64url');
      this.#codes.set(code, {
        nonce: params.get('nonce') ?? undefined,
        challenge: params.get('code_challenge')!,
        used: false,
        subject: this.uniqueSubjects ? `pseudo-${randomBytes(8).toString('hex')}@bad-op.test` : GOOD_SUBJECT,
      });
      back.searchParams.set('code', code);
    }
    if (this.variant === 'invalid-state') back.searchParams.set('state', `${state}x`);
    else if (this.variant !== 'missing-state') back.searchParams.set('state', state);
    if (this.variant === 'invalid-authorization-response-iss') back.searchParams.set('iss', 'https://evil.example');
    else if (this.variant !== 'authorization-response-iss-removed') back.searchParams.set('iss', this.#issuer);
    res.writeHead(302, { location: back.href }).end();
  }

  async #token(req: IncomingMessage, json: (status: number, body: unknown) => void): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = new URLSearchParams(Buffer.concat(chunks).toString());
    const authorization = req.headers.authorization ?? '';
    this.observations.lastTokenAuth = authorization.startsWith('Basic ')
      ? 'client_secret_basic'
      : body.has('client_secret')
        ? 'client_secret_post'
        : 'none';
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
    const [id = '', secret = ''] = Buffer.from(authorization.replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':')
      .map((part) => decodeURIComponent(part.replaceAll('+', ' ')));
    if (id !== this.#clientId || secret !== this.#clientSecret) return json(401, { error: 'invalid_client' });
    if (this.variant === 'token-endpoint-500') return json(500, { error: 'server_error' });
    const code = this.#codes.get(body.get('code') ?? '');
    if (!code || code.used) return json(400, { error: 'invalid_grant' });
    code.used = true;
    if (body.get('redirect_uri') !== this.#redirectUri) return json(400, { error: 'invalid_grant' });
    const challenge = createHash('sha256')
      .update(body.get('code_verifier') ?? '')
      .digest('base64url');
    if (challenge !== code.challenge) return json(400, { error: 'invalid_grant' });
    const accessToken = randomBytes(24).toString('base64url');
    this.#accessTokens.set(accessToken, code.subject);
    return json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: await this.#idToken(code.nonce, code.subject),
    });
  }

  #userinfo(req: IncomingMessage, json: (status: number, body: unknown) => void): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const subject = this.#accessTokens.get(token);
    if (!subject) return json(401, { error: 'invalid_token' });
    json(200, {
      sub: this.variant === 'userinfo-sub-mismatch' ? 'someone-else' : subject,
      ...GOOD_CLAIMS,
    });
  }

  /** The ID token as {@link BadOp.variant} wants it. */
  async #idToken(nonce: string | undefined, subject: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const userinfoOnly = this.variant === 'userinfo-claims' || this.variant === 'userinfo-sub-mismatch';
    const claims: Record<string, unknown> = {
      iss: this.#issuer,
      sub: subject,
      aud: this.#clientId,
      iat: now,
      exp: now + 300,
      nonce,
      acr: 'urn:etoegang:core:assurance-class:loa3',
      ...(userinfoOnly ? {} : GOOD_CLAIMS),
    };
    const edit: Partial<Record<OpVariant, () => void>> = {
      'invalid-iss': () => (claims.iss = 'https://evil.example'),
      'missing-sub': () => delete claims.sub,
      'invalid-aud': () => (claims.aud = 'someone-else'),
      'missing-iat': () => delete claims.iat,
      'invalid-nonce': () => (claims.nonce = 'not-the-nonce'),
      'missing-aud': () => delete claims.aud,
      'secondary-aud': () => (claims.aud = [this.#clientId, 'someone-else']),
      'expired-exp': () => {
        claims.iat = now - 900;
        claims.exp = now - 600;
      },
      'missing-exp': () => delete claims.exp,
      'missing-iss': () => delete claims.iss,
      'missing-nonce': () => delete claims.nonce,
      'iat-week-in-past': () => (claims.iat = now - 7 * 24 * 3600),
      'acr-loa2': () => (claims.acr = 'urn:etoegang:core:assurance-class:loa2'),
      'acr-missing': () => delete claims.acr,
      'kvk-malformed': () => (claims['urn:etoegang:core:LegalSubjectID'] = '6875011'),
      'identifier-rsin': () => {
        claims.namequalifier = 'urn:etoegang:1.9:EntityConcernedID:RSIN';
        claims['urn:etoegang:core:LegalSubjectID'] = '12345678';
      },
    };
    edit[this.variant]?.();
    const key = this.#keys[0]!;
    const kid =
      this.variant === 'kid-absent-single-jwks' || this.variant === 'kid-absent-multiple-jwks' ? undefined : key.kid;

    switch (this.variant) {
      case 'alg-none':
        return `${b64(JSON.stringify({ alg: 'none' }))}.${b64(JSON.stringify(claims))}.`;
      case 'null-alg': {
        const input = `${b64(JSON.stringify({ alg: null, kid }))}.${b64(JSON.stringify(claims))}`;
        return `${input}.${createSign('RSA-SHA256')
          .update(input)
          .sign(await pem(key.privateKey), 'base64url')}`;
      }
      case 'bad-rs256-signature':
        return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(this.#strangerKey!.privateKey);
      case 'bad-es256-signature': {
        const { privateKey } = await generateKeyPair('ES256');
        return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).sign(privateKey);
      }
      case 'bad-hs256-signature': {
        const input = `${b64(JSON.stringify({ alg: 'HS256', kid }))}.${b64(JSON.stringify(claims))}`;
        return `${input}.${createHmac('sha256', this.#clientSecret).update(input).digest('base64url')}`;
      }
      default:
        return new SignJWT(claims)
          .setProtectedHeader(kid ? { alg: 'RS256', kid } : { alg: 'RS256' })
          .sign(key.privateKey);
    }
  }
}

async function pem(key: CryptoKey): Promise<string> {
  const jwk = await exportJWK(key);
  return createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' })
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();
}
