/**
 * Registers `<wt-onboarding>`. A module with a side effect: import it (or load the CDN file
 * `wt-onboarding.js`, which is this module bundled) once per page. Loading it twice is safe: the same class is
 * skipped silently; another copy (another version) keeps the first registration and warns once, never throws, as
 * Shoelace does. `<wt-organisation-members>` has its own: `define-organisation-members.js`
 * (CDN file `wt-organisation-members.js`), so a page with only the onboarding does not load it.
 *
 * @packageDocumentation
 */
import { WtOnboarding } from './onboarding.js';
import { defineOnce } from './registration.js';

export { WtOnboarding };

/** The tag the element is registered under. */
export const TAG = 'wt-onboarding';

/**
 * Defines `tag` as `constructor` unless it is already defined: by the same class (silently) or by another
 * (one console warning). Returns the class that is registered under the tag.
 */
export function define(
  tag: string = TAG,
  constructor: CustomElementConstructor = WtOnboarding,
): CustomElementConstructor {
  return defineOnce(tag, constructor);
}

define();
