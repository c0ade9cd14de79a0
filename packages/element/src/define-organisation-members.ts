/**
 * Registers `<wt-organisation-members>`. A module with a side effect: import it (or load the CDN file
 * `wt-organisation-members.js`, which is this module bundled) once per page; loading it twice is safe, as with
 * `define.js`. Separate from `define.js`, so the onboarding's CDN file does not carry this element.
 *
 * @packageDocumentation
 */
import { WtOrganisationMembers } from './organisation-members/organisation-members.js';
import { defineOnce } from './registration.js';

export { WtOrganisationMembers };

/** The tag the element is registered under. */
export const MEMBERS_TAG = 'wt-organisation-members';

defineOnce(MEMBERS_TAG, WtOrganisationMembers);
