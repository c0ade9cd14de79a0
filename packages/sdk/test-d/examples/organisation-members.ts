// The @example of src/organisation/members.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';

const people = createOrganisationMembers({ organisationId: '5d1f2c3b-8e4a-4f6b-9c7d-1a2b3c4d5e6f' });
people.subscribe((state) => console.log(state.members.map((m) => `${m.email}: ${m.rights.join(', ')}`)));
await people.load();
if (!(await people.invite({ email: 'piet@bedrijf.nl', rights: ['submit_expense_claims'] }))) {
  console.log(people.state.error?.error.code); // e.g. 'already_member'
}
