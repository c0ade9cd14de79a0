import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RIGHTS, type ErrorCode, type Right } from '@wij-techniek/onboarding-sdk';
import { isInvitationExpired, type OrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';
import { LocalizeController } from '../controllers/localize-controller.js';
import { format, formatWait } from '../i18n/translation.js';
import onboardingStyles from '../onboarding.styles.js';
import { membersEn } from './i18n/en.js';
import { membersNl } from './i18n/nl.js';
import {
  mergeMembersTexts,
  membersOverridesFor,
  type LanguageMembersTextOverrides,
  type MembersTextOverrides,
  type MembersTranslation,
} from './i18n/translation.js';
import { MembersController } from './members-controller.js';
import styles from './organisation-members.styles.js';
import { rightsList } from './views/rights.js';
import { invitationList } from './views/invitation-list.js';
import { inviteForm } from './views/invite-form.js';
import { memberList, memberName } from './views/member-list.js';
import { organisationSwitch } from './views/organisation-switch.js';
import type { MembersView } from './views/view.js';

/** The built-in tables of `<wt-organisation-members>`; Dutch is the default. */
export const MEMBERS_TRANSLATIONS = { nl: membersNl, en: membersEn } as const;

/**
 * The administrator's page of an organisation: who belongs to it and with which rights, the invitations not yet
 * accepted, and a form to invite a colleague by e-mail with a chosen set of rights. The administrator changes a
 * member's rights, removes a member (after a confirmation) and withdraws an invitation. A member without the
 * `administer` right sees their own rights and who to ask. A thin view over the SDK's `OrganisationMembers`:
 * no HTTP and no business rule here; the server refuses what is not allowed and the element says why and what
 * to do next.
 *
 * The invited colleague follows the mailed link (`APP_URL?wt-invitation=<token>`) to the page with
 * `<wt-onboarding>`, which shows its `invitation` step.
 *
 * @summary Members, rights and invitations of one organisation, for its administrators.
 * @tag wt-organisation-members
 *
 * @event {WtMemberInvitedEvent} wt-member-invited - An invitation was sent. `detail: { invitation }`.
 * @event {WtMemberUpdatedEvent} wt-member-updated - A member's rights were saved. `detail: { member, previousRights }`.
 * @event {WtMemberRemovedEvent} wt-member-removed - A member was removed. `detail: { member, self }`.
 * @event {WtInvitationWithdrawnEvent} wt-invitation-withdrawn - An invitation was withdrawn. `detail: { invitation }`.
 * @event {WtMembersErrorEvent} wt-error - Something the administrator did failed; the element shows the message. `detail: { code, action }`.
 *
 * @csspart base - The element's wrapper.
 * @csspart header - Holds the heading and the organisation's name.
 * @csspart heading - The heading (`h2`).
 * @csspart subheading - The heading of a section (`h3`): members, pending invitations, invite.
 * @csspart text - A paragraph of text.
 * @csspart status - The live regions: the polite one (`role=status`) and the error one (`role=alert`).
 * @csspart status-error - The error live region (also part `status`).
 * @csspart section - A section; also `members`, `invitations` or `invite`.
 * @csspart member-list - The list of members.
 * @csspart member - One member.
 * @csspart member-name - A member's name.
 * @csspart member-email - A member's e-mail address.
 * @csspart invitation-list - The list of pending invitations.
 * @csspart invitation - One pending invitation (also `invitation-expired` once its link stopped working).
 * @csspart invitation-email - The invited address.
 * @csspart rights-list - The rights of a member or invitation.
 * @csspart right - One right in such a list.
 * @csspart rights-none - "No rights yet".
 * @csspart form - A form; also `invite-form` or `rights-form`.
 * @csspart field - The e-mail label, hint, input and error message together.
 * @csspart label - The e-mail field's label.
 * @csspart hint - A hint.
 * @csspart input - The e-mail input.
 * @csspart error-message - The error message below a field.
 * @csspart fieldset - The rights checkboxes with their legend.
 * @csspart legend - The fieldset's legend.
 * @csspart checkbox-label - One right's checkbox with its label.
 * @csspart checkbox - One right's checkbox.
 * @csspart confirmation - The "are you sure?" of a removal.
 * @csspart actions - A row of buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The main action of a form (also part `button`).
 * @csspart button-secondary - Other actions (also part `button`).
 * @csspart button-danger - Remove and withdraw (also parts `button button-secondary`).
 *
 * @cssstate busy - A request is under way; buttons do nothing until it ends.
 *
 * @cssprop [--wt-organisation-members-max-inline-size=48rem] - Element max inline size.
 * @cssprop [--wt-member-border-color=#8a8a8a] - A member's or invitation's border color.
 * @cssprop [--wt-member-border-width=1px] - A member's or invitation's border width.
 * @cssprop [--wt-member-border-radius=4px] - A member's or invitation's border radius.
 * @cssprop [--wt-member-background-color=transparent] - A member's or invitation's background color.
 * @cssprop [--wt-fieldset-border-color=#8a8a8a] - The rights fieldset's border color.
 * @cssprop [--wt-fieldset-border-width=1px] - The rights fieldset's border width.
 * @cssprop [--wt-checkbox-checked-background-color=#0b4f8a] - A ticked checkbox's color.
 * @cssprop [--wt-confirmation-border-color=#b30000] - The removal confirmation's border color.
 * @cssprop [--wt-confirmation-background-color=#fdf1f1] - The removal confirmation's background color.
 * @cssprop [--wt-button-danger-color=#b30000] - Remove and withdraw buttons: color.
 * @cssprop [--wt-button-danger-border-color=currentColor] - Remove and withdraw buttons: border color.
 * @cssprop [--wt-button-danger-hover-background-color=#fdf1f1] - Remove and withdraw buttons: hover background color.
 * @cssprop [--wt-onboarding-font-family=system-ui] - Font family (and every other `--wt-onboarding-*`, `--wt-button-*`, `--wt-text-input-*`, `--wt-form-field-*`, `--wt-heading-*`, `--wt-status-*` and `--wt-focus-*` token of `<wt-onboarding>`, which this element shares).
 */
export class WtOrganisationMembers extends LitElement {
  /** `<wt-onboarding>`'s shadow styles and this element's own, so both read the same `--wt-*` custom properties. */
  static override styles = [onboardingStyles, styles];

  /**
   * The organisation to manage (its id, as in `GET /session`'s memberships). Leave it out on a page for everyone
   * (a CMS page): the element then shows the signed-in person's organisation — the first they administer — and
   * offers a choice when they belong to several.
   */
  @property({ attribute: 'organisation-id' }) organisationId = '';

  /** The API's prefix as a URL: same origin by default. */
  @property({ attribute: 'api-base' }) apiBase = '/api/v1';

  /**
   * Texts that replace the built-in ones, merged over the language's table: `{ invite: { action: 'Versturen' } }`,
   * or per language `{ nl: {…}, en: {…} }`. Error messages too: `{ errors: { forbidden: '…' } }`. As an
   * attribute, JSON. The language comes from `lang` on the element or its closest ancestor (Dutch unless English).
   */
  @property({ type: Object }) texts: MembersTextOverrides | LanguageMembersTextOverrides | undefined;

  @state() private editing: string | undefined;
  @state() private confirming: string | undefined;
  @state() private notice = '';

  private readonly localize = new LocalizeController(this, { ownTable: (lang) => MEMBERS_TRANSLATIONS[lang] });
  private readonly controller = new MembersController(this);
  private readonly internals: ElementInternals | undefined;
  private pendingFocus: string | undefined;
  private cache: { lang: string; texts: unknown; table: MembersTranslation } | undefined;

  constructor() {
    super();
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /** The SDK state holder this element shows, once created: to observe or drive it from script. */
  get people(): OrganisationMembers | undefined {
    return this.controller.people;
  }

  /** This element's texts in force: the language's table with `texts` merged over it. */
  private get t(): MembersTranslation {
    const lang = this.localize.lang;
    if (this.cache?.lang !== lang || this.cache.texts !== this.texts) {
      const table = mergeMembersTexts(MEMBERS_TRANSLATIONS[lang], membersOverridesFor(lang, this.texts));
      this.cache = { lang, texts: this.texts, table };
    }
    return this.cache.table;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('organisationId') || changed.has('apiBase')) {
      this.editing = undefined;
      this.confirming = undefined;
      this.notice = '';
    }
    // The member a form or confirmation was open for is gone (removed elsewhere): close it, keep focus in the list.
    const members = this.controller.state?.members;
    for (const open of [this.editing, this.confirming]) {
      if (open && members && !members.some((member) => member.id === open)) {
        this.editing = undefined;
        this.confirming = undefined;
        this.pendingFocus = '#wt-members-heading';
      }
    }
    const busy = this.controller.state?.busy !== undefined;
    try {
      if (busy) this.internals?.states.add('busy');
      else this.internals?.states.delete('busy');
    } catch {
      // Browsers that shipped the older `--name` syntax refuse plain names; the element works without states.
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    this.pendingFocus = undefined;
    target?.focus();
  }

  override render() {
    const t = this.t;
    const common = this.localize.t.common;
    const state = this.controller.state;
    const organisation = state?.organisation;
    const error = state?.error;
    const shownInField = error && state.fieldErrors?.email?.includes(error.error.code);
    // A reload after a conflict keeps the lists on screen (and focus where it was) until the new ones arrive.
    const loading = !state?.organisation && state?.status !== 'failed';
    const status = state?.busy ? (state.busy === 'load' ? common.loading : common.busy) : this.notice;
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <h2 part="heading" class="heading" id="wt-heading" tabindex="-1">${t.members.heading}</h2>
        ${
          organisation
            ? html`<p part="text">${format(t.members.organisation, { organisation: organisation.name })}</p>`
            : nothing
        }
      </div>
      <div part="status" class=${status ? 'status' : 'status visually-hidden'} role="status">${status || nothing}</div>
      <div
        part="status status-error"
        class=${error && !shownInField ? 'status status-error' : 'status visually-hidden'}
        role="alert"
      >
        ${error ? this.errorText(error.error.code, error.action === 'load') : nothing}
      </div>
      ${!state || loading ? nothing : state.status === 'failed' ? this.renderLoadFailed() : this.renderBody()}
    </div>`;
  }

  private renderBody() {
    const view = this.view();
    const { state, t } = view;
    const switcher = state.memberships.length > 1 ? organisationSwitch(view, (id) => this.switchTo(id)) : nothing;
    if (!state.canAdminister) {
      const organisation = state.organisation?.name ?? '';
      return html`${switcher}
        <p part="text">${format(t.members.notAdministrator, { organisation })}</p>
        <section part="section" class="section" aria-labelledby="wt-own-rights-heading">
          <h3 part="subheading" id="wt-own-rights-heading">${t.members.yourRights}</h3>
          ${rightsList(view, state.rights, t.members.yourRights)}
        </section>`;
    }
    return html`${switcher} ${memberList(view)} ${invitationList(view)} ${inviteForm(view)}`;
  }

  private switchTo(organisationId: string): void {
    this.editing = undefined;
    this.confirming = undefined;
    this.notice = '';
    // Focus stays on the choice once the other organisation has loaded (or failed), whichever view shows it.
    void this.controller.people?.select(organisationId).then(() => {
      this.pendingFocus = '#wt-organisation-switch';
      this.requestUpdate();
    });
  }

  private renderLoadFailed() {
    const common = this.localize.t.common;
    const several = (this.controller.state?.memberships.length ?? 0) > 1;
    return html`${several ? organisationSwitch(this.view(), (id) => this.switchTo(id)) : nothing}
      <div part="actions" class="actions">
        <button
          part="button button-primary"
          class="button button-primary"
          type="button"
          @click=${() => void this.controller.people?.load()}
        >
          ${common.retry}
        </button>
      </div>`;
  }

  private errorText(code: ErrorCode, loading: boolean): string {
    const message = this.message(code);
    return loading ? `${this.t.members.loadFailed} ${message}` : message;
  }

  private message(code: ErrorCode): string {
    const wait = this.controller.state?.error?.error.retryAfterSeconds;
    if (code === 'rate_limited' && wait !== undefined) return formatWait(this.t.rateLimited, wait);
    const template = this.t.errors[code] ?? this.localize.t.errors[code];
    return format(template, { retryAfterSeconds: wait });
  }

  private view(): MembersView {
    const people = this.controller.people!;
    const state = people.state;
    const lang = this.localize.lang;
    const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    });
    const organisation = state.organisation?.name ?? '';
    const nameOf = (memberId: string) => {
      const member = state.members.find((m) => m.id === memberId);
      return member ? memberName(member) : '';
    };
    return {
      state,
      t: this.t,
      common: this.localize.t.common,
      lang,
      editing: this.editing,
      confirming: this.confirming,
      message: (code) => this.message(code),
      date: (iso) => dates.format(new Date(iso)),
      expired: (expiresAt) => isInvitationExpired({ expiresAt }),
      startEdit: (memberId) => {
        people.dismissError();
        this.notice = '';
        this.confirming = undefined;
        this.editing = memberId;
        this.pendingFocus = `#wt-rights-${memberId}-${RIGHTS[0]}`;
      },
      cancelEdit: () => {
        this.pendingFocus = `#wt-edit-${this.editing ?? ''}`;
        this.editing = undefined;
      },
      saveRights: (memberId, rights: Right[]) => {
        this.notice = '';
        const name = nameOf(memberId);
        void people.updateRights(memberId, rights).then((saved) => {
          if (!saved) return;
          this.editing = undefined;
          this.notice = format(this.t.members.saved, { name });
          this.pendingFocus = people.state.canAdminister ? `#wt-edit-${memberId}` : '#wt-heading';
        });
      },
      askRemove: (memberId) => {
        people.dismissError();
        this.notice = '';
        this.editing = undefined;
        this.confirming = memberId;
        this.pendingFocus = `#wt-confirm-remove-${memberId}`;
      },
      cancelRemove: () => {
        this.pendingFocus = `#wt-remove-${this.confirming ?? ''}`;
        this.confirming = undefined;
      },
      remove: (memberId) => {
        this.notice = '';
        const name = nameOf(memberId);
        void people.remove(memberId).then((removed) => {
          if (!removed) return;
          this.confirming = undefined;
          const self = !people.state.canAdminister;
          this.notice = format(self ? this.t.members.removedSelf : this.t.members.removed, { name, organisation });
          this.pendingFocus = self ? '#wt-heading' : '#wt-members-heading';
        });
      },
      withdraw: (invitationId) => {
        this.notice = '';
        const email = state.invitations.find((i) => i.id === invitationId)?.email ?? '';
        void people.withdraw(invitationId).then((withdrawn) => {
          if (!withdrawn) return;
          this.notice = format(this.t.invitations.withdrawn, { email });
          this.pendingFocus = '#wt-invitations-heading';
        });
      },
      invite: (email, rights) => {
        this.notice = '';
        this.editing = undefined;
        this.confirming = undefined;
        void people.invite({ email, rights, lang }).then((sent) => {
          if (sent) {
            this.renderRoot.querySelector<HTMLFormElement>('form[part~="invite-form"]')?.reset();
            const invited = people.state.invitations.at(-1)?.email ?? email;
            this.notice = format(this.t.invite.sent, { email: invited });
          }
          this.pendingFocus = '#wt-invite-email';
          this.requestUpdate();
        });
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wt-organisation-members': WtOrganisationMembers;
  }
}
