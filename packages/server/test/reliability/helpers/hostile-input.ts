import fc from 'fast-check';
import { RIGHTS } from '@wij-techniek/onboarding-contract';

/** Strings that break naive code: NUL, lone surrogates, bidi overrides, markup, injection, huge. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b@example.test',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\u202Eevil\u202C@example.test',
  '\u200F\u200E\u2066',
  '\uFEFF',
  '<img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '"; DROP TABLE accounts; --',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e',
  'é'.normalize('NFD').repeat(300),
  '🧑‍🔧'.repeat(500),
  'A'.repeat(17 * 1024),
];

/** A 1 MB string (the body cap is 16 kB: it must be refused before parsing, never crash). */
export const ONE_MB = 'x'.repeat(1024 * 1024);

/** Keys that pollute prototypes when merged naively. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Fields a client might add to claim privileges it does not have (mass assignment). */
export const PRIVILEGE_FIELDS: Readonly<Record<string, unknown>> = {
  isAdmin: true,
  admin: true,
  verified: true,
  verifiedAt: '2026-01-01T00:00:00Z',
  kvk: '12345678',
  kvkNumber: '12345678',
  rights: [...RIGHTS],
  role: 'administrator',
  level: 'urn:etoegang:core:assurance-class:loa4',
  accountId: '00000000-0000-4000-8000-000000000000',
  organisationId: '00000000-0000-4000-8000-000000000000',
};

export const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);

/** A JSON value of the wrong type (or the right type with a hostile content). */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constant({ $ne: null }),
);

/** Percent-encodes every UTF-8 byte of `value` (lone surrogates become U+FFFD, as a browser sends them). */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** Raw bodies: duplicate keys, prototype keys, broken and non-object JSON, invalid UTF-8, 1 MB. */
export function rawBodies(valid: Record<string, unknown>): (string | Uint8Array)[] {
  const [key = 'email', value = 'a@example.test'] = Object.entries(valid)[0] ?? [];
  const json = JSON.stringify(valid).slice(1, -1);
  return [
    `{${json}${json ? ',' : ''}"${key}":{"$gt":""},"${key}":${JSON.stringify(value)}}`,
    `{"${key}":${JSON.stringify(value)},"${key}":[1,2,3]}`,
    `{${json}${json ? ',' : ''}"__proto__":{"isAdmin":true,"verified":true,"polluted":"yes"}}`,
    `{${json}${json ? ',' : ''}"constructor":{"prototype":{"isAdmin":true,"polluted":"yes"}}}`,
    `{"__proto__":${JSON.stringify(valid)}}`,
    '{"a":',
    '[]',
    'null',
    '"just a string"',
    '1e999999',
    '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    new Uint8Array([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    `{"x":"${ONE_MB}"}`,
  ];
}
