import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AccountRequestSchema,
  CodeRequestSchema,
  ConfigSchema,
  ERROR_CODES,
  ERROR_STATUS,
  EherkenningStartRequestSchema,
  EmailRequestSchema,
  InviteMemberRequestSchema,
  LoginRequestSchema,
  PASSWORD_POLICIES,
  ProblemSchema,
  SessionSchema,
  VERIFICATION_CODE_RULES,
  endpointPath,
  invalidBodyCode,
  problemType,
  validate,
} from '@wij-techniek/onboarding-contract';

describe('request schemas', () => {
  it('normalise an address and refuse a malformed one with a message saying what to enter', () => {
    assert.deepEqual(validate(EmailRequestSchema, { email: '  Piet@Bedrijf.NL ' }), {
      ok: true,
      value: { email: 'piet@bedrijf.nl' },
    });
    const bad = validate(EmailRequestSchema, { email: 'piet@' });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? (bad.issues.email?.[0] ?? '') : '', /naam@bedrijf\.nl/);
  });
  it('refuse an unknown language and a missing field, naming the field', () => {
    const result = validate(EmailRequestSchema, { email: 'a@b.nl', lang: 'de' });
    assert.deepEqual(!result.ok && result.issues, { lang: ['Expected one of: "nl", "en".'] });
    const missing = validate(LoginRequestSchema, { email: 'a@b.nl' });
    assert.deepEqual(!missing.ok && missing.issues, { password: ['This field is required.'] });
  });
  it('refuse input that is not an object', () => {
    for (const input of [null, 'x', 42, [], undefined]) assert.equal(validate(CodeRequestSchema, input).ok, false);
  });
  it('ignore unknown fields, so extra privilege fields have no effect', () => {
    const result = validate(AccountRequestSchema, {
      password: 'x',
      firstName: 'Piet',
      lastName: 'Jansen',
      isAdmin: true,
      kvk: '12345678',
    });
    assert.deepEqual(result, { ok: true, value: { password: 'x', firstName: 'Piet', lastName: 'Jansen' } });
  });
  it('accept a pasted code with spaces or a dash and refuse anything but six digits', () => {
    assert.deepEqual(validate(CodeRequestSchema, { code: ' 123 456 ' }), { ok: true, value: { code: '123456' } });
    assert.deepEqual(validate(CodeRequestSchema, { code: '012-345' }), { ok: true, value: { code: '012345' } });
    for (const code of ['12345', '1234567', 'abcdef', '١٢٣٤٥٦', 123456]) {
      assert.equal(validate(CodeRequestSchema, { code }).ok, false, String(code));
    }
  });
  it('trim names and refuse empty ones and control characters', () => {
    const ok = validate(AccountRequestSchema, { password: 'x', firstName: ' Piet ', lastName: 'de Vries' });
    assert.deepEqual(ok.ok && ok.value.firstName, 'Piet');
    const empty = validate(AccountRequestSchema, { password: 'x', firstName: '   ', lastName: 'x' });
    assert.deepEqual(!empty.ok && empty.issues, { firstName: ['A name cannot be empty.'] });
    assert.equal(validate(AccountRequestSchema, { password: 'x', firstName: 'a\u0000b', lastName: 'x' }).ok, false);
  });
  it('refuse a returnTo that is not an http(s) URL', () => {
    for (const returnTo of ['javascript:alert(1)', '//evil.example', 'not a url', 'data:text/html,x']) {
      assert.equal(validate(EherkenningStartRequestSchema, { supplierId: 'x', returnTo }).ok, false, returnTo);
    }
    assert.equal(validate(EherkenningStartRequestSchema, { supplierId: 'x', returnTo: 'https://a.nl/p' }).ok, true);
  });
  it('order and de-duplicate rights, and refuse an unknown one', () => {
    const ok = validate(InviteMemberRequestSchema, {
      email: 'a@b.nl',
      rights: ['administer', 'register_for_meetings', 'administer'],
    });
    assert.deepEqual(ok.ok && ok.value.rights, ['register_for_meetings', 'administer']);
    assert.equal(validate(InviteMemberRequestSchema, { email: 'a@b.nl', rights: ['superuser'] }).ok, false);
  });
});

describe('the code of a refused body (server and SDK both answer it)', () => {
  const codeOf = (schema: Parameters<typeof validate>[0], input: unknown) => {
    const result = validate(schema, input);
    assert.equal(result.ok, false, 'refused');
    return invalidBodyCode(result.ok ? {} : result.issues);
  };
  it('is invalid_email when the address is the only field at fault', () => {
    assert.equal(codeOf(EmailRequestSchema, { email: 'geen-adres' }), 'invalid_email');
    assert.equal(codeOf(EmailRequestSchema, { email: `${'x'.repeat(300)}@b.nl`, lang: 'nl' }), 'invalid_email');
    assert.equal(codeOf(LoginRequestSchema, { email: 'jan@', password: 'x' }), 'invalid_email');
    assert.equal(codeOf(InviteMemberRequestSchema, { email: 'geen-adres', rights: [] }), 'invalid_email');
  });
  it('is invalid_request when another field, or the body itself, is at fault too', () => {
    assert.equal(codeOf(LoginRequestSchema, { email: 'geen-adres', password: '' }), 'invalid_request');
    assert.equal(codeOf(EmailRequestSchema, { email: 'jan@bedrijf.nl', lang: 'de' }), 'invalid_request');
    assert.equal(codeOf(CodeRequestSchema, { code: '12a456' }), 'invalid_request');
    assert.equal(codeOf(EmailRequestSchema, 'jan@bedrijf.nl'), 'invalid_request');
    assert.equal(invalidBodyCode({ '': ['Expected a JSON object.'] }), 'invalid_request');
    assert.equal(invalidBodyCode({ 'email.0': ['Expected string.'] }), 'invalid_request');
  });
});

describe('answer schemas', () => {
  const problem = {
    type: problemType('code_invalid'),
    title: 'Wrong code',
    status: 400,
    code: 'code_invalid',
    attemptsLeft: 3,
  };
  it('accept a problem with a known code and refuse an unknown code', () => {
    assert.equal(ProblemSchema.safeParse(problem).success, true);
    assert.equal(ProblemSchema.safeParse({ ...problem, code: 'teapot' }).success, false);
    assert.equal(ProblemSchema.safeParse({ ...problem, status: 200 }).success, false);
  });
  it('keep the reason of a refusal, and take a reason this version does not know (a newer server may add one)', () => {
    const refused = { ...problem, status: 429, code: 'rate_limited', retryAfterSeconds: 30, reason: 'anti_automation' };
    assert.deepEqual(ProblemSchema.parse(refused), refused);
    assert.equal(ProblemSchema.parse({ ...refused, reason: 'ip_reputation' }).reason, 'ip_reputation');
    assert.equal(ProblemSchema.safeParse({ ...refused, reason: 7 }).success, false);
  });
  it('refuse a session with an unknown step', () => {
    const session = {
      step: 'supplier',
      account: null,
      memberships: [],
      flow: null,
      eherkenning: null,
      expiresAt: null,
      extendable: false,
    };
    assert.equal(SessionSchema.safeParse(session).success, true);
    assert.equal(SessionSchema.safeParse({ ...session, step: 'elsewhere' }).success, false);
    assert.equal(SessionSchema.safeParse({ ...session, step: 'start' }).success, false);
  });
  it('read a session with the code flow that ended unused, and one from a server without that member', () => {
    const session = {
      step: 'email',
      account: null,
      memberships: [],
      flow: null,
      eherkenning: null,
      expiresAt: '2026-03-01T12:30:00.000Z',
      extendable: true,
    };
    const endedFlow = { kind: 'signup', email: 'piet@bedrijf.nl', reason: 'too_many_attempts' };
    assert.deepEqual(SessionSchema.parse({ ...session, endedFlow }).endedFlow, endedFlow);
    assert.equal(SessionSchema.parse({ ...session, endedFlow: null }).endedFlow, null);
    assert.equal('endedFlow' in SessionSchema.parse(session), false, 'an older server: absent stays absent');
    assert.equal(
      SessionSchema.safeParse({ ...session, endedFlow: { ...endedFlow, reason: 'consumed' } }).success,
      false,
    );
  });
  it('accept the configuration the server will send', () => {
    const config = {
      passwordPolicy: PASSWORD_POLICIES.business,
      verificationCode: VERIFICATION_CODE_RULES,
      suppliers: [{ id: 'kpn', name: 'KPN' }],
      minimumLevel: 'EH3',
      defaultLanguage: 'nl',
    };
    assert.equal(ConfigSchema.safeParse(config).success, true);
    assert.equal(ConfigSchema.safeParse({ ...config, minimumLevel: 'EH9' }).success, false);
  });
});

describe('codes and endpoints', () => {
  it('give every server code a 4xx or 5xx status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      assert.ok(ERROR_CODES.includes(code as never), code);
      assert.ok(status >= 400 && status < 600, code);
    }
    assert.equal(ERROR_STATUS.code_expired, 410);
    assert.equal(ERROR_STATUS.step_out_of_order, 409);
  });
  it('fill path parameters, encoded, and refuse a missing one', () => {
    assert.equal(
      endpointPath('updateMember', { organisationId: 'a/b', memberId: 'c' }),
      '/organisations/a%2Fb/members/c',
    );
    assert.throws(() => endpointPath('members'), TypeError);
  });
});
