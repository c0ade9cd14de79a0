// The @example of src/organisation/index.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';

const people = createOrganisationMembers({ apiBase: '/api/v1' });
people.addEventListener('invited', (event) => console.log(`Invited ${event.invitation.email}`));
const state = await people.load();
if (state.canAdminister) await people.invite({ email: 'piet@bedrijf.nl', rights: ['administer'] });
