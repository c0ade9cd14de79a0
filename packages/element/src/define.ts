/**
 * Registers `<wt-onboarding>`. The only module with a side effect: import it (or load the CDN file, which is
 * this module bundled) once per page. Loading it twice is safe: the same class is skipped silently; another
 * copy (another version) keeps the first registration and warns once, never throws, as Shoelace does.
 *
 * @packageDocumentation
 */
import { WtOnboarding } from './onboarding.js';
import { WtOrganisationMembers } from './organisation-members/organisation-members.js';

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
  const registered = customElements.get(tag);
  if (!registered) {
    customElements.define(tag, constructor);
    return constructor;
  }
  if (registered !== constructor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `<${tag}> is already defined by another copy of @wij-techniek/onboarding-element; this copy is not used. ` +
        'Load the element once per page.',
    );
  }
  return registered;
}

const warned = new Set<string>();

define();
define('wt-organisation-members', WtOrganisationMembers);
