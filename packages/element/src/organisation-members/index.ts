// `<wt-organisation-members>`: its class, events and texts.
export { WtOrganisationMembers, MEMBERS_TRANSLATIONS } from './organisation-members.js';
export { MembersController, type MembersHost } from './members-controller.js';
export { WtMemberInvitedEvent, type WtMemberInvitedEventDetail } from './events/member-invited.js';
export { WtMemberUpdatedEvent, type WtMemberUpdatedEventDetail } from './events/member-updated.js';
export { WtMemberRemovedEvent, type WtMemberRemovedEventDetail } from './events/member-removed.js';
export { WtInvitationWithdrawnEvent, type WtInvitationWithdrawnEventDetail } from './events/invitation-withdrawn.js';
export { WtMembersErrorEvent, type WtMembersErrorEventDetail } from './events/members-error.js';
export { membersNl } from './i18n/nl.js';
export { membersEn } from './i18n/en.js';
export type { LanguageMembersTextOverrides, MembersTextOverrides, MembersTranslation } from './i18n/translation.js';
