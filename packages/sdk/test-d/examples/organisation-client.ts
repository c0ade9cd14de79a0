// The @example of src/organisation/client.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { createOrganisationClient } from '@wij-techniek/onboarding-sdk/organisation';

const client = createOrganisationClient({ apiBase: 'https://www.wij-techniek.nl/api/v1' });
const { memberships } = await client.session();
for (const { organisation } of memberships) {
  const { members } = await client.members(organisation.id);
  console.log(`${organisation.name}: ${members.length} members`);
}
