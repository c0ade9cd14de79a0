// The example of packages/contract/README.md, compiled by typecheck; test/examples.test.ts keeps the two the same.
import { EmailRequestSchema, validate } from '@wij-techniek/onboarding-contract';
import { ERROR_STATUS, PASSWORD_POLICIES, checkPassword } from '@wij-techniek/onboarding-contract';

const body = validate(EmailRequestSchema, { email: ' Jan@Bedrijf.NL ', lang: 'nl' });
console.log(body.ok ? body.value.email : body.issues); // the address as the server stores it, or what is wrong

const verdict = checkPassword('kort', PASSWORD_POLICIES.business);
console.log(verdict.violations); // the broken rules: too_short, missing_upper, …
console.log(ERROR_STATUS.code_invalid); // 400
