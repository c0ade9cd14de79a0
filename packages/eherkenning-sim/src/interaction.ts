import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { findIdentity, pseudonymOf } from './identities.js';
import { LEVEL_URNS, levelOfUrn } from './levels.js';
import { expiredPage, loginPage, type LoginPageInput } from './pages.js';
import { findSupplier, SUPPLIER_PARAM } from './suppliers.js';

/** Largest form body the login page accepts; the real one is a few hundred bytes. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Serves the login interaction: GET shows the Dutch page, POST logs the chosen identity in (at its own level,
 * which becomes `acr`) or cancels with `access_denied`.
 */
export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  send: (res: ServerResponse, status: number, html: string) => void,
): Promise<void> {
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    send(res, 400, expiredPage());
    return;
  }
  const params = details.params as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const requestedLevel = text(params.acr_values)
    .split(' ')
    .map((urn) => levelOfUrn(urn))
    .find((level) => level !== undefined);
  const page: LoginPageInput = {
    action: `/interaction/${details.uid}`,
    supplier: findSupplier(typeof params[SUPPLIER_PARAM] === 'string' ? params[SUPPLIER_PARAM] : undefined),
    requestedLevel,
    clientName: text(params.client_id),
  };

  if (req.method === 'GET') {
    send(res, 200, loginPage(page));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, POST' }).end();
    return;
  }

  const form = await readForm(req);
  if (form.get('action') === 'cancel') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The user cancelled' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const supplier = page.supplier ?? findSupplier(form.get('supplier') ?? undefined);
  const identity = findIdentity(form.get('identity') ?? undefined);
  if (!supplier) {
    send(res, 400, loginPage({ ...page, error: 'supplier', chosen: identity?.id }));
    return;
  }
  if (!identity) {
    send(res, 400, loginPage({ ...page, supplier, error: 'identity' }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: pseudonymOf(identity), acr: LEVEL_URNS[identity.level], remember: false } },
    { mergeWithLastSubmission: false },
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
