// In the browser the URL parser, the regular expressions and `normalize` are the browser's own (zod even takes
// another path to parse URLs there, `URL.parse`): the lite schemas must still validate exactly as zod's do.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as Zod from '@wij-techniek/onboarding-contract';
import * as Lite from '@wij-techniek/onboarding-contract/lite';
import type { SafeParseSchema } from '@wij-techniek/onboarding-contract';

const EDGES = [
  ...['https://a.nl', 'HTTPS://A.NL/X', ' https://a.nl/\tp\n ', 'https://a\n.nl', 'https://[::1]/', 'https://a b.nl'],
  ...[
    'ftp://a.nl',
    'javascript:alert(1)',
    'http:a.nl',
    'https:/a.nl',
    'https://',
    'https://%zz.nl',
    'https://a.nl\u0001',
  ],
  ...[
    ' Piet@Bedrijf.NL ',
    'piet@bedrijf',
    "o'neil@x.nl",
    'İ@x.nl',
    'é@x.nl',
    'E\u0301mile',
    'Jan\u0085',
    '😀'.repeat(101),
  ],
  ...['2024-02-29T00:00:00.5Z', '2023-02-29T00:00:00Z', '2026-03-01T12:00:00+01:00', ' 123-456 ', '١٢٣٤٥٦'],
];

/** The same input through both schemas named `name`: the same `validate` outcome. */
function expectSame(name: string, input: unknown) {
  const lite = (Lite as unknown as Record<string, SafeParseSchema>)[name]!;
  const zod = (Zod as unknown as Record<string, SafeParseSchema>)[name]!;
  expect(Lite.validate(lite, input)).to.deep.equal(Zod.validate(zod, input));
}

describe('lite schemas in the browser (issue 6 / contract)', () => {
  it('agree with zod on URLs, addresses, names and date-times at the edges', () => {
    for (const value of EDGES) {
      expectSame('EherkenningStartRequestSchema', { supplierId: 'kpn', returnTo: value });
      expectSame('EmailRequestSchema', { email: value });
      expectSame('AccountRequestSchema', { password: value, firstName: value, lastName: 'x' });
      expectSame('TimestampSchema', value);
      expectSame('CodeRequestSchema', { code: value });
    }
  });

  it('agree with zod on generated URLs and addresses', () => {
    const text = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.emailAddress(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...EDGES),
    );
    fc.assert(
      fc.property(text, text, (returnTo, email) => {
        expectSame('EherkenningStartRequestSchema', { supplierId: 'kpn', returnTo });
        expectSame('EmailRequestSchema', { email });
      }),
      { numRuns: 500 },
    );
  });
});
