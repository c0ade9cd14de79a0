// The @example of src/client.ts, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { OnboardingError, createOnboardingClient } from '@wij-techniek/onboarding-sdk';

const client = createOnboardingClient({ apiBase: 'https://www.wij-techniek.nl/api/v1' });
try {
  const answer = await client.signupEmail({ email: 'naam@bedrijf.nl', lang: 'nl' });
  console.log(answer.step); // 'code'
} catch (error) {
  if (error instanceof OnboardingError && error.code === 'rate_limited') {
    console.log(`Try again in ${error.retryAfterSeconds ?? 60} s`);
  }
}
