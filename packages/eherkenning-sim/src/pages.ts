import { escapeHtml, layout } from './html.js';
import { SIMULATED_IDENTITIES, type SimulatedIdentity } from './identities.js';
import { meetsLevel, type SimulatedLevel } from './levels.js';
import { SIMULATED_SUPPLIERS, type SimulatedSupplier } from './suppliers.js';

/** What the login page needs to know about the authorization request it serves. */
export interface LoginPageInput {
  /** The interaction's form action (`/interaction/<uid>`). */
  readonly action: string;
  /** The supplier the relying party passed, or undefined when it passed none the broker knows. */
  readonly supplier: SimulatedSupplier | undefined;
  /** The level the relying party asked for, if it asked. */
  readonly requestedLevel: SimulatedLevel | undefined;
  /** The name of the service the person logs in to (the client id). */
  readonly clientName: string;
  /** The identity chosen before, when the form comes back with an error. */
  readonly chosen?: string;
  /** The error to show, when the last submission was incomplete. */
  readonly error?: 'identity' | 'supplier';
}

const ERRORS = {
  identity: 'Kies een testidentiteit om in te loggen, of kies Annuleren.',
  supplier: 'Kies de leverancier waar je eHerkenning hebt gekocht, of kies Annuleren.',
} as const;

/** The Dutch login page of the simulated supplier: pick a test identity, log in or cancel. */
export function loginPage(input: LoginPageInput): string {
  const supplierName = input.supplier?.name ?? 'eHerkenning (simulatie)';
  const title = `Inloggen bij ${supplierName}`;
  const errorId = input.error ? 'fout' : undefined;
  const body = `<h1 id="titel">${escapeHtml(title)}</h1>
<p>Je logt in met eHerkenning voor <strong>${escapeHtml(input.clientName)}</strong>.${
    input.requestedLevel
      ? ` Deze dienst vraagt minimaal betrouwbaarheidsniveau <strong>${escapeHtml(input.requestedLevel)}</strong>.`
      : ''
  }</p>
${input.error ? `<p class="error" id="fout" role="alert">${escapeHtml(ERRORS[input.error])}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
${input.supplier ? `<input type="hidden" name="supplier" value="${escapeHtml(input.supplier.id)}">` : supplierChoice(input.error === 'supplier' ? errorId : undefined)}
<fieldset${input.error === 'identity' && errorId ? ` aria-describedby="${errorId}"` : ''}>
<legend>Kies een testidentiteit</legend>
${SIMULATED_IDENTITIES.map((identity) => identityChoice(identity, input)).join('\n')}
</fieldset>
<div class="actions">
<button type="submit" class="primary" name="action" value="login">Inloggen</button>
<button type="submit" class="secondary" name="action" value="cancel">Annuleren</button>
</div>
</form>`;
  return layout(`${title} — eHerkenning-simulatie`, body);
}

function supplierChoice(describedBy: string | undefined): string {
  const options = SIMULATED_SUPPLIERS.map(
    (supplier) => `<option value="${escapeHtml(supplier.id)}">${escapeHtml(supplier.name)}</option>`,
  ).join('');
  return `<p><label for="supplier">Kies je eHerkenning-leverancier</label><br>
<select id="supplier" name="supplier"${describedBy ? ` aria-describedby="${describedBy}" aria-invalid="true"` : ''}><option value="">— kies —</option>${options}</select></p>`;
}

function identityChoice(identity: SimulatedIdentity, input: LoginPageInput): string {
  const id = `identiteit-${identity.id}`;
  const tooLow = input.requestedLevel !== undefined && !meetsLevel(identity.level, input.requestedLevel);
  const checked = input.chosen === identity.id ? ' checked' : '';
  return `<div class="choice">
<input type="radio" name="identity" id="${id}" value="${escapeHtml(identity.id)}"${checked}>
<label for="${id}"><strong>${escapeHtml(identity.personName)}</strong> — ${escapeHtml(identity.company.name)}
<span class="details">KvK-nummer ${escapeHtml(identity.company.kvkNumber)}, vestigingsnummer ${escapeHtml(identity.company.branchNumber)}, niveau ${escapeHtml(identity.level)} (${escapeHtml(identity.role)})</span>${
    tooLow ? '<span class="warning">Lager dan het gevraagde niveau: de dienst hoort dit te weigeren.</span>' : ''
  }</label>
</div>`;
}

/** The Dutch error page for requests the broker cannot handle (unknown client, bad redirect URI, …). */
export function errorPage(error: string, description: string | undefined): string {
  return layout(
    'Er ging iets mis — eHerkenning-simulatie',
    `<h1>Er ging iets mis bij het inloggen</h1>
<p>De gesimuleerde eHerkenningsmakelaar kon dit verzoek niet verwerken. Ga terug naar de website waar je begon en probeer het opnieuw.</p>
<p>Technische melding: <code>${escapeHtml(error)}</code>${description ? ` — ${escapeHtml(description)}` : ''}</p>`,
  );
}

/** The page for an interaction that no longer exists (expired, or already finished). */
export function expiredPage(): string {
  return layout(
    'Sessie verlopen — eHerkenning-simulatie',
    `<h1>Deze inlogpoging is verlopen</h1>
<p>Ga terug naar de website waar je begon en start het inloggen met eHerkenning opnieuw.</p>`,
  );
}
