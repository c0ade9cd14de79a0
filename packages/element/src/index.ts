/**
 * `@wij-techniek/onboarding-element`: the `<wt-onboarding>` custom element, its events, texts and controllers.
 * This module has no side effects: import `@wij-techniek/onboarding-element/define.js` to register the tag.
 *
 * @packageDocumentation
 */
export { WtOnboarding } from './onboarding.js';
export { WtStepChangeEvent, type WtStepChangeEventDetail } from './events/step-change.js';
export { WtAccountCreatedEvent, type WtAccountCreatedEventDetail } from './events/account-created.js';
export { WtSignedInEvent, type WtSignedInEventDetail } from './events/signed-in.js';
export { WtSignedOutEvent, type WtSignedOutEventDetail } from './events/signed-out.js';
export { WtEherkenningRedirectEvent, type WtEherkenningRedirectEventDetail } from './events/eherkenning-redirect.js';
export { WtVerifiedEvent, type WtVerifiedEventDetail } from './events/verified.js';
export { WtErrorEvent, type WtErrorEventDetail } from './events/error.js';
export { format, type LanguageTextOverrides, type TextOverrides, type Translation } from './i18n/translation.js';
export { nl } from './i18n/nl.js';
export { en } from './i18n/en.js';
export { FlowController, type FlowControllerOptions, type FlowHost } from './controllers/flow-controller.js';
export {
  LocalizeController,
  TRANSLATIONS,
  type LocalizeHost,
  type LocalizeOptions,
} from './controllers/localize-controller.js';
export type { LanguagePartialTexts, PartialTexts } from './controllers/text-overrides.js';
export { CountdownController } from './controllers/countdown-controller.js';
export * from './organisation-members/index.js';
