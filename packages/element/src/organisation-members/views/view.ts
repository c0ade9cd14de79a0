import type { ErrorCode, Language, Right } from '@wij-techniek/onboarding-sdk';
import type { MembersState } from '@wij-techniek/onboarding-sdk/organisation';
import type { Translation } from '../../i18n/translation.js';
import type { MembersTranslation } from '../i18n/translation.js';

/**
 * Everything the render functions of `<wt-organisation-members>` may use: the holder's state, the texts, the
 * few view-only things the element keeps (which member is being edited or confirmed for removal), and the
 * handlers that run the holder's actions. Render functions hold no state and send nothing themselves.
 */
export interface MembersView {
  readonly state: MembersState;
  readonly t: MembersTranslation;
  /** Texts shared with `<wt-onboarding>` (loading, busy, retry). */
  readonly common: Translation['common'];
  readonly lang: Language;
  /** The member whose rights form is open. */
  readonly editing: string | undefined;
  /** The member whose removal awaits confirmation. */
  readonly confirming: string | undefined;
  /** What happened and what to do next, for an error code. */
  message(code: ErrorCode): string;
  /** A date as the person reads it. */
  date(iso: string): string;
  /** True when the invitation's link no longer works. */
  expired(expiresAt: string): boolean;
  startEdit(memberId: string): void;
  cancelEdit(): void;
  saveRights(memberId: string, rights: Right[]): void;
  askRemove(memberId: string): void;
  cancelRemove(): void;
  remove(memberId: string): void;
  withdraw(invitationId: string): void;
  invite(email: string, rights: Right[]): void;
}

/** The rights ticked in a form, read from its checkboxes named `right`. */
export function checkedRights(form: HTMLFormElement): Right[] {
  return new FormData(form).getAll('right').filter((value): value is Right => typeof value === 'string');
}
