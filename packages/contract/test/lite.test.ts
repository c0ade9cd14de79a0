import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as Zod from '@wij-techniek/onboarding-contract';
import * as Lite from '@wij-techniek/onboarding-contract/lite';
import type { SafeParseSchema, SchemaIssue } from '@wij-techniek/onboarding-contract';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

const schemaNames = Object.keys(Zod)
  .filter((name) => name.endsWith('Schema'))
  .sort();

const zodSchema = (name: string) => (Zod as unknown as Record<string, SafeParseSchema>)[name]!;
const liteSchema = (name: string) => (Lite as unknown as Record<string, SafeParseSchema>)[name]!;

// Valid inputs of every schema, as the server sends them or a person submits them. The property tests start
// from these and break them in one to three places.
const ID = '0b6f6a4e-2f1c-4c1e-9a57-3e8f1d2c4b5a';
const AT = '2026-03-01T12:00:00.000Z';
const organisation = { id: ID, name: 'Van Dijk Installatietechniek B.V.', kvkNumber: '12345678', branchNumber: null };
const branch = { ...organisation, branchNumber: '000012345678' };
const account = { id: ID, email: 'piet@bedrijf.nl', firstName: 'Piet', lastName: 'de Vries', verified: true };
const flow = {
  kind: 'signup',
  email: 'piet@bedrijf.nl',
  lang: 'nl',
  attemptsLeft: 5,
  resendAvailableAt: AT,
  expiresAt: '2026-03-01T12:10:00Z',
};
const membership = { id: ID, organisation: branch, rights: ['administer', 'submit_expense_claims'] };
const member = {
  id: ID,
  accountId: ID,
  email: 'jan@bedrijf.nl',
  firstName: 'Jan',
  lastName: 'Jansen',
  rights: ['register_for_meetings'],
  joinedAt: AT,
};
const invitation = { id: ID, email: 'anna@bedrijf.nl', rights: [], createdAt: AT, expiresAt: AT };
const auditEntry = {
  id: ID,
  at: AT,
  action: 'rights_changed',
  actor: { accountId: ID, name: 'Piet de Vries' },
  subject: { accountId: ID, email: 'jan@bedrijf.nl' },
  rightsBefore: ['register_for_meetings'],
  rightsAfter: ['register_for_meetings', 'administer'],
};
const config = {
  passwordPolicy: { name: 'business', minLength: 14, maxLength: 22, requiredClasses: ['upper', 'lower', 'digit'] },
  verificationCode: { ...Zod.VERIFICATION_CODE_RULES },
  suppliers: [{ id: 'kpn', name: 'KPN' }],
  minimumLevel: 'EH3',
  defaultLanguage: 'nl',
};
const problem = {
  type: Zod.problemType('code_invalid'),
  title: 'The code is not right.',
  status: 400,
  detail: 'Try again.',
  instance: '/api/v1/signup/code',
  code: 'code_invalid',
  attemptsLeft: 3,
  retryAfterSeconds: 0,
  violations: ['too_short', 'missing_digit'],
  fields: { code: ['A verification code is exactly 6 digits.'], '': [] },
  step: 'code',
  reason: 'anti_automation',
};
const session = {
  step: 'verified',
  account,
  memberships: [membership, { ...membership, organisation }],
  flow,
  eherkenning: { outcome: 'verified', at: AT },
  expiresAt: '2026-03-01T12:30:00.000Z',
  extendable: true,
};

const EXAMPLES: Record<string, readonly Json[]> = {
  AcceptInvitationRequestSchema: [
    { token: 'a'.repeat(43) },
    { token: 'Zm9vYmFyYmF6cXV4cXV1eA', password: 'Correct-Horse-9', firstName: ' Anna ', lastName: 'Bakker' },
  ],
  AccountRequestSchema: [{ password: 'Correct-Horse-9', firstName: 'Piet', lastName: ' de Vries ' }],
  AccountSchema: [account],
  AuditEntrySchema: [auditEntry, { ...auditEntry, actor: null, rightsBefore: null, rightsAfter: null }],
  AuditLogSchema: [{ entries: [auditEntry] }, { entries: [] }],
  CodeRequestSchema: [{ code: '123456' }, { code: ' 123-456 ' }],
  ConfigSchema: [config, { ...config, passwordPolicy: { ...Zod.PASSWORD_POLICIES.standards, requiredClasses: [] } }],
  EherkenningOutcomeSchema: ['verified', 'level_too_low'],
  EherkenningStartRequestSchema: [{ supplierId: 'kpn', returnTo: 'https://www.wijtechniek.nl/aanmelden?stap=1' }],
  EherkenningStartSchema: [{ redirectUrl: 'https://broker.example/authn?x=1#y' }],
  EherkenningSupplierSchema: [{ id: 'kpn', name: 'KPN' }],
  EmailRequestSchema: [{ email: 'piet@bedrijf.nl' }, { email: ' Piet@Bedrijf.NL ', lang: 'en' }],
  EmailSchema: ['piet@bedrijf.nl', "o'neil+test@sub.bedrijf.nl"],
  EndedFlowSchema: [
    { kind: 'signup', email: 'piet@bedrijf.nl', reason: 'too_many_attempts' },
    { kind: 'password-reset', email: 'piet@bedrijf.nl', reason: 'expired' },
  ],
  ErrorCodeSchema: ['invalid_request', 'invalid_transition'],
  FlowAcceptedSchema: [{ step: 'code', flow }],
  FlowInfoSchema: [flow, { ...flow, kind: 'invitation', lang: 'en', attemptsLeft: 0 }],
  IdSchema: [ID],
  InvitationCreatedSchema: [{ invitation }],
  InvitationListSchema: [{ invitations: [invitation, { ...invitation, rights: ['administer'] }] }],
  InvitationLookupRequestSchema: [{ token: 'a'.repeat(43) }],
  InvitationPreviewSchema: [
    { organisation: { name: 'Van Dijk' }, email: 'anna@bedrijf.nl', rights: [], expiresAt: AT, accountExists: false },
  ],
  InvitationSchema: [invitation],
  InviteMemberRequestSchema: [
    { email: 'anna@bedrijf.nl', rights: ['administer', 'register_for_meetings'] },
    { email: 'anna@bedrijf.nl', rights: [], lang: 'en' },
  ],
  KvkNumberSchema: ['12345678'],
  LanguageSchema: ['nl', 'en'],
  LoginRequestSchema: [{ email: 'piet@bedrijf.nl', password: 'Correct-Horse-9' }],
  MemberListSchema: [{ members: [member] }],
  MemberSchema: [member],
  MemberUpdatedSchema: [{ member }],
  MembershipSchema: [membership],
  OrganisationSchema: [organisation, branch],
  OrganisationViewSchema: [{ organisation: branch, rights: ['administer'] }],
  PasswordPolicySchema: [{ ...Zod.PASSWORD_POLICIES.business, requiredClasses: ['upper', 'symbol'] }],
  PasswordResetRequestSchema: [{ password: 'Correct-Horse-9' }],
  PasswordSchema: ['Correct-Horse-9'],
  PersonNameSchema: ['Anna', ' Émile '],
  ProblemSchema: [problem, { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', step: null }],
  RightSchema: ['administer'],
  RightsSchema: [['administer', 'register_for_meetings', 'administer'], []],
  ServerStepSchema: ['code', null],
  SessionSchema: [
    session,
    { ...session, flow: null, expiresAt: AT, extendable: false },
    {
      ...session,
      step: 'email',
      flow: null,
      endedFlow: { kind: 'signup', email: 'piet@bedrijf.nl', reason: 'expired' },
    },
    { ...session, endedFlow: null },
    { step: null, account: null, memberships: [], flow: null, eherkenning: null, expiresAt: null, extendable: false },
  ],
  StepAnswerSchema: [{ step: 'details' }, { step: null }],
  StepIdSchema: ['start', 'password-new'],
  TimestampSchema: [AT, '2024-02-29T23:59:59Z'],
  UpdateMemberRequestSchema: [{ rights: ['submit_expense_claims'] }],
  VerificationCodeRulesSchema: [{ ...Zod.VERIFICATION_CODE_RULES }],
  VerificationCodeSchema: ['123456', '12 34 56'],
};

// Strings that sit on an edge of some rule: lengths around every cap (in ASCII, astral and combining characters),
// addresses zod refuses or accepts narrowly, URLs, date-times, near-miss ids, codes and control characters.
const around = (text: string, length: number) => [length - 1, length, length + 1].map((n) => text.repeat(n));
const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  ...[1, 16, 100, 200, 254, 1024, 2048, 4096].flatMap((n) => [...around('a', n), ...around('😀', n)]),
  ...around('é', 100),
  ...around('E\u0301', 50),
  `${'a'.repeat(244)}@bedrijf.nl`,
  `${'a'.repeat(245)}@bedrijf.nl`,
  `https://a.nl/${'x'.repeat(2035)}`,
  `https://a.nl/${'x'.repeat(2036)}`,
  ...[
    'piet@bedrijf.nl',
    'PIET@BEDRIJF.NL',
    ' piet@bedrijf.nl\n',
    'piet@bedrijf',
    'piet.@bedrijf.nl',
    '.piet@bedrijf.nl',
  ],
  ...['pi..et@bedrijf.nl', 'piet@-bedrijf.nl', 'piet@bedrijf-.nl', 'piet@bedrijf.n', 'piet@bedrijf.n1', "o'@x.nl"],
  ...['é@bedrijf.nl', 'İ@bedrijf.nl', 'ǅ@x.nl', 'piet@bedrijf.nl\u0000', 'a@b@c.nl', 'piet@[127.0.0.1]', '"a b"@x.nl'],
  ...[
    'https://a.nl',
    'HTTPS://A.NL/X',
    'http://a.nl:8080/p?q#f',
    ' https://a.nl ',
    'https://a.nl/\tp\n',
    'https://a\n.nl',
  ],
  ...['ftp://a.nl', 'javascript:alert(1)', 'http:a.nl', 'https:/a.nl', 'https://', 'https://[::1]/', 'https://a b.nl'],
  ...['\u0001https://a.nl', 'https://a.nl\u0001', 'https://a.nl\u00a0', 'mailto:a@b.nl', '//a.nl', 'https://%zz.nl'],
  ...['2026-03-01T12:00:00Z', '2026-03-01T12:00:00.123456789Z', '2026-03-01T12:00:00+01:00', '2026-03-01T12:00:00'],
  ...[
    '2026-03-01T12:00Z',
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2026-03-01 12:00:00Z',
    '2026-03-01t12:00:00z',
  ],
  ...['2026-13-01T12:00:00Z', '2026-03-01T24:00:00Z', '+012026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.Z'],
  ...[ID.toUpperCase(), ID.slice(1), `${ID}0`, `{${ID}}`, ID.replaceAll('-', ''), ID.replace('a', 'g')],
  ...['123456', ' 123-456 ', '12345', '1234567', '123.456', '123\u00a0456', '١٢٣٤٥٦', '123_456', '12\u200b3456'],
  ...['12345678', '1234567', '123456789', '000012345678', 'abcdefgh', '1234 5678'],
  ...['Jan\u0007', 'Jan\u0085', '\u009f', 'Jan\u2028', ' Jan ', 'E\u0301mile', '\ud800', '\udc00x'],
  ...['nl', 'NL', 'nl ', 'en-GB', 'EH2+', 'eh3', 'administer', 'Administer', 'verified', 'email', 'password-new'],
  ...['invalid_request', 'business', 'standards', 'upper', 'symbol', 'signup', 'too_short', 'blocklisted'],
  ...['too_many_attempts', 'expired', 'password-reset'],
  ...['__proto__', 'constructor', 'toString', 'length'],
];

const EDGE_VALUES: readonly unknown[] = [
  ...[0, -0, 1, -1, 0.5, 1.5, 5, 14, 399, 400, 599, 600, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e300, -1e300],
  ...[Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, 10n],
  ...[true, false, null, undefined],
  ...[[], {}, [1], ['x'], { length: 5 }, { length: 'abc' }, { a: ['x'] }, { a: 'x' }, new Date(0), Symbol('s')],
  [...Zod.RIGHTS].reverse(),
  Array<string>(17).fill('administer'),
  Array<string>(16).fill('administer'),
  JSON.parse('{"__proto__": ["x"], "a": [1]}') as unknown,
];

const text = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('1', '2', '0', ' ', '-', '.', '_', '\u00a0', 'a'), maxLength: 10 }),
  fc.emailAddress(),
  fc.emailAddress().map((address) => ` ${address.toUpperCase()}\t`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl().map((url) => url.replace(/^https?/u, 'ftp')),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('.000Z', 'Z').replace('Z', '+00:00')),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_VALUES) },
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
  fc.array(fc.constantFrom(...Zod.RIGHTS, 'x'), { maxLength: 20 }),
);

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'edit'; at: number; position: number; insert: string; remove: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace'), at: fc.nat(), value: anyValue }) },
  fc.record({ kind: fc.constant('remove'), at: fc.nat() }),
  fc.record({
    kind: fc.constant('extra'),
    at: fc.nat(),
    key: fc.oneof(fc.string(), fc.constantFrom('isAdmin', '__proto__', 'constructor', 'length', '0')),
    value: anyValue,
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit'),
      at: fc.nat(),
      position: fc.nat(),
      insert: fc.oneof(
        fc.constantFrom('', ' ', 'A', '0', '-', '.', '@', ':', '\u0000', '\n', 'É', 'e\u0301', '😀'),
        fc.string({ maxLength: 3 }),
      ),
      remove: fc.nat(2),
    }),
  },
);

/** Every path in `value`, the root (`[]`) first. */
function pathsOf(value: unknown, prefix: Key[] = []): Key[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

const REMOVE = Symbol('remove');

/** A copy of `node` with `update` applied at `path`; the pool's shared values are never changed in place. */
function updateAt(node: unknown, path: readonly Key[], update: (current: unknown) => unknown): unknown {
  if (path.length === 0) return update(node);
  const [key, ...rest] = path as [Key, ...Key[]];
  const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...(node as object) }) as Record<Key, unknown>;
  const next = updateAt(copy[key], rest, update);
  if (next !== REMOVE) copy[key] = next;
  else if (Array.isArray(copy)) copy.splice(key as number, 1);
  else delete copy[key];
  return copy;
}

/** `root` with `change` applied at one of its paths. */
function mutate(root: unknown, change: Mutation): unknown {
  const paths = pathsOf(root);
  return updateAt(root, paths[change.at % paths.length]!, (current) => {
    switch (change.kind) {
      case 'replace':
        return change.value;
      case 'remove':
        return REMOVE;
      case 'extra':
        if (Array.isArray(current)) return [...(current as unknown[]), change.value];
        if (typeof current === 'object' && current !== null) {
          const copy = { ...current } as Record<string, unknown>;
          // defineProperty, so that `__proto__` becomes an own key as JSON.parse makes it
          Object.defineProperty(copy, change.key, { value: change.value, enumerable: true, writable: true });
          return copy;
        }
        return change.value;
      case 'edit': {
        if (typeof current !== 'string') return change.insert;
        const at = change.position % (current.length + 1);
        return current.slice(0, at) + change.insert + current.slice(at + change.remove);
      }
    }
  });
}

function inputs(name: string): fc.Arbitrary<unknown> {
  const examples = EXAMPLES[name] ?? [];
  const example = fc.constantFrom(...examples);
  const mutated = fc
    .tuple(example, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([start, changes]) => changes.reduce<unknown>((value, change) => mutate(value, change), start));
  return fc.oneof({ weight: 8, arbitrary: mutated }, example, anyValue, fc.anything());
}

/** What `validate` reads of an issue: its code, path, message and the detail its code names. */
function summary(issue: SchemaIssue): Record<string, unknown> {
  const detail = { invalid_type: 'expected', invalid_value: 'values', invalid_format: 'format' }[issue.code] as
    keyof SchemaIssue | undefined;
  const bound = issue.code === 'too_small' ? issue.minimum : issue.code === 'too_big' ? issue.maximum : undefined;
  return { code: issue.code, path: issue.path, message: issue.message, detail: detail && issue[detail], bound };
}

function assertSameParse(name: string, input: unknown): void {
  const expected = zodSchema(name).safeParse(input);
  const actual = liteSchema(name).safeParse(input);
  assert.deepEqual(
    actual.success ? { data: actual.data } : { issues: actual.error.issues.map(summary) },
    expected.success ? { data: expected.data } : { issues: expected.error.issues.map(summary) },
  );
  assert.deepEqual(Lite.validate(liteSchema(name), input), Zod.validate(zodSchema(name), input));
}

// The schemas the SDK sends or reads get the most runs; the parts they are built of are covered through them too.
const SDK_SCHEMAS = new Set([
  'EmailRequestSchema',
  'CodeRequestSchema',
  'AccountRequestSchema',
  'LoginRequestSchema',
  'PasswordResetRequestSchema',
  'EherkenningStartRequestSchema',
  'EherkenningStartSchema',
  'ConfigSchema',
  'FlowAcceptedSchema',
  'StepAnswerSchema',
  'SessionSchema',
  'ProblemSchema',
  'InvitationLookupRequestSchema',
  'InvitationPreviewSchema',
  'AcceptInvitationRequestSchema',
  'OrganisationViewSchema',
  'MemberListSchema',
  'InvitationCreatedSchema',
  'InviteMemberRequestSchema',
  'UpdateMemberRequestSchema',
  'MemberUpdatedSchema',
  'InvitationListSchema',
  'AuditLogSchema',
]);

describe('lite entry (issue 6 / contract): the same names as the main entry', () => {
  it('exports every value of the main entry, and nothing else', () => {
    assert.deepEqual(Object.keys(Lite).sort(), Object.keys(Zod).sort());
  });

  it('shares the constants and functions themselves, so both entries agree by construction', () => {
    for (const name of Object.keys(Zod).filter((key) => !key.endsWith('Schema') && !key.endsWith('_SCHEMAS'))) {
      assert.equal(Lite[name as keyof typeof Lite], Zod[name as keyof typeof Zod], name);
    }
  });

  it('has the tables of endpoint schemas with the twins of the same schemas, as ENDPOINT_ANSWERS names them', () => {
    const nameOf = (schema: unknown) => schemaNames.find((name) => zodSchema(name) === schema);
    const tables = ['ONBOARDING_ENDPOINT_SCHEMAS', 'ORGANISATION_ENDPOINT_SCHEMAS'] as const;
    const endpoints = tables.flatMap((table) => Object.keys(Zod[table]));
    assert.deepEqual(
      endpoints.sort(),
      Object.keys(Zod.ENDPOINTS)
        .filter((name) => name !== 'eherkenningCallback')
        .sort(),
      'every endpoint but the redirect, in one table',
    );
    for (const table of tables) {
      assert.deepEqual(Object.keys(Lite[table]), Object.keys(Zod[table]), table);
      for (const [endpoint, schemas] of Object.entries(Zod[table]) as [Zod.EndpointName, Zod.EndpointSchemas][]) {
        const twins = (Lite[table] as Record<string, Zod.EndpointSchemas>)[endpoint]!;
        assert.deepEqual(Object.keys(twins), Object.keys(schemas), endpoint);
        for (const part of ['body', 'answer'] as const) {
          const name = nameOf(schemas[part]);
          assert.equal(twins[part], name && liteSchema(name), `${endpoint}.${part}: the twin of ${name}`);
        }
        assert.equal(nameOf(schemas.answer) ?? null, Zod.ENDPOINT_ANSWERS[endpoint], `${endpoint}: ENDPOINT_ANSWERS`);
      }
    }
  });

  it('has valid examples for every schema, which both parse to the same value', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), schemaNames);
    for (const name of schemaNames) {
      for (const example of EXAMPLES[name]!) {
        assert.equal(zodSchema(name).safeParse(example).success, true, `${name} example`);
        assertSameParse(name, example);
      }
    }
  });
});

describe('lite schemas (issue 6 / contract): validate exactly like the zod schemas', () => {
  for (const name of schemaNames) {
    it(`${name}: same value or same issues for generated inputs`, () => {
      fc.assert(
        fc.property(inputs(name), (input) => assertSameParse(name, input)),
        { numRuns: SDK_SCHEMAS.has(name) ? 1000 : 300 },
      );
    });
  }
});

describe('lite toolkit (issue 6 / contract): what the SDK relies on', () => {
  it('drops unknown keys at every level', () => {
    const result = Lite.validate(Lite.SessionSchema, {
      ...session,
      isAdmin: true,
      account: { ...account, password: 'x' },
      memberships: [{ ...membership, organisation: { ...branch, secret: 1 } }],
    });
    assert.deepEqual(result, {
      ok: true,
      value: { ...session, memberships: [membership] },
    });
  });

  it('names nested fields by their dotted path', () => {
    const result = Lite.validate(Lite.SessionSchema, {
      ...session,
      flow: { ...flow, attemptsLeft: -1 },
      memberships: [{ ...membership, organisation: { ...branch, kvkNumber: '1234' } }],
    });
    assert.deepEqual(result, {
      ok: false,
      issues: {
        'memberships.0.organisation.kvkNumber': ['Expected a valid regex.'],
        'flow.attemptsLeft': ['Too short or too small (minimum 0).'],
      },
    });
  });

  it('keeps an absent optional key absent and a present one present, even when undefined', () => {
    const absent = Lite.validate(Lite.AcceptInvitationRequestSchema, { token: 'a'.repeat(16) });
    const present = Lite.validate(Lite.AcceptInvitationRequestSchema, { token: 'a'.repeat(16), password: undefined });
    assert.ok(absent.ok && present.ok);
    assert.equal('password' in absent.value, false);
    assert.equal('password' in present.value, true);
  });

  it('normalises what it sends: the address, the code, the names and the order of rights', () => {
    assert.deepEqual(Lite.validate(Lite.EmailRequestSchema, { email: ' Piet@Bedrijf.NL ' }), {
      ok: true,
      value: { email: 'piet@bedrijf.nl' },
    });
    assert.deepEqual(Lite.validate(Lite.CodeRequestSchema, { code: ' 123-456 ' }), {
      ok: true,
      value: { code: '123456' },
    });
    assert.deepEqual(Lite.validate(Lite.PersonNameSchema, ' E\u0301mile '), { ok: true, value: 'Émile' });
    assert.deepEqual(
      Lite.validate(Lite.UpdateMemberRequestSchema, { rights: ['administer', 'register_for_meetings', 'administer'] }),
      { ok: true, value: { rights: ['register_for_meetings', 'administer'] } },
    );
  });

  it('counts lengths in code points, as zod does', () => {
    assert.equal(Lite.validate(Lite.PasswordSchema, '😀'.repeat(4096)).ok, true);
    assert.deepEqual(Lite.validate(Lite.PasswordSchema, '😀'.repeat(4097)), {
      ok: false,
      issues: { '': ['Too long or too large (maximum 4096).'] },
    });
  });

  it('accepts only http and https URLs, trimmed', () => {
    assert.deepEqual(Lite.validate(Lite.EherkenningStartSchema, { redirectUrl: ' https://broker.example/a\tb ' }), {
      ok: true,
      value: { redirectUrl: 'https://broker.example/ab' },
    });
    for (const redirectUrl of ['javascript:alert(1)', 'ftp://broker.example/', 'https:/broker.example']) {
      assert.deepEqual(Lite.validate(Lite.EherkenningStartSchema, { redirectUrl }), {
        ok: false,
        issues: { redirectUrl: ['Expected a valid url.'] },
      });
    }
  });
});
