// SECURITY.md W2: user-supplied or server-supplied text is never parsed as HTML. A person signs up on the CMS page
// under the strict CSP (W1) with the first name `<img src=x onerror=alert(1)>`; the server's first answer to "create
// account" is a problem whose title and detail carry markup, the supplier list and the organisation name come back
// with markup too; then the administrator opens the members page (the same policy in a meta tag), where the name
// is shown. Everything shows literally: no element is made from it, no dialog opens, the image is never fetched and
// there is no Trusted Types (or any other CSP) violation. The lint rule that forbids unsafeHTML is checked too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import type { BrowserContext, Page } from 'playwright-core';
import tseslint from 'typescript-eslint';
import { inBrowser } from './helpers/browser.ts';
import { PASSWORDS, type Person } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import {
  JOURNEY_TIMEOUT,
  STACK_TIMEOUT,
  startE2eStack,
  STRICT_CSP,
  STRICT_CSP_QUERY,
  type E2eStack,
} from './helpers/stack.ts';
import { collectViolations, type Violation } from './helpers/csp-violations.ts';
import { OnboardingPage } from './pages/onboarding.ts';
import { OrganisationMembersPage } from './pages/organisation-members.ts';
import { SUPPLIER } from './pages/supplier.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ESLINT_BIN = fileURLToPath(new URL('../../node_modules/eslint/bin/eslint.js', import.meta.url));

/** Markup that runs script if it is ever parsed; each piece names where it came from. */
const FIRST_NAME = '<img src=x onerror=alert(1)>';
const LAST_NAME = '<b>Jansen</b>';
const SUPPLIER_NAME = '<img src=x onerror=alert(2)>Leverancier';
const PROBLEM_TITLE = '<img src=x onerror=alert(3)>';
const PROBLEM_DETAIL = '<script>alert(4)</script><b>Probeer later</b>';
const ORGANISATION_NAME = '<img src=x onerror=alert(5)><b>De Vries</b>';

/** What the page's elements hold: text, and any element or attribute that markup would have made. */
interface Rendered {
  readonly text: string;
  readonly madeFromMarkup: string[];
  readonly inputs: Record<string, string>;
  readonly options: string[];
}

/** Reads `tag`'s shadow root as a person and the DOM see it. */
function rendered(page: Page, tag: string): Promise<Rendered> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return { text: '', madeFromMarkup: ['(no element)'], inputs: {}, options: [] };
    const madeFromMarkup = [...root.querySelectorAll('img, script, b, [onerror]')].map((node) => node.outerHTML);
    const inputs = Object.fromEntries(
      [...root.querySelectorAll('input')].map((input) => [input.name, input.value] as [string, string]),
    );
    const options = [...root.querySelectorAll('option')].map((option) => option.text);
    return { text: root.textContent ?? '', madeFromMarkup, inputs, options };
  }, tag);
}

describe('W2: text from people and from the server is never parsed as HTML', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'W2: a first name and server texts with markup show literally on the strict-CSP pages; no dialog, no image fetched, no violation',
    JOURNEY_TIMEOUT,
    async () => {
      const violations: Violation[] = [];
      const dialogs: string[] = [];
      const fetchedImages: string[] = [];
      const collect = (context: BrowserContext) => collectViolations(context, violations);
      await inBrowser(
        stack,
        'w2-markup',
        async (page) => {
          page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          page.on('request', (request) => {
            if (new URL(request.url()).pathname.endsWith('/x')) fetchedImages.push(request.url());
          });
          // Server-supplied text with markup: a supplier name, and later the organisation's name.
          await page.route('**/api/v1/config', async (route) => {
            const response = await route.fetch();
            const config = (await response.json()) as { suppliers: { id: string; name: string }[] };
            config.suppliers[1]!.name = SUPPLIER_NAME;
            await route.fulfill({ response, json: config });
          });
          // The first "create account" fails with a problem whose title and detail carry markup.
          await page.route(
            '**/api/v1/signup/account',
            (route) =>
              route.fulfill({
                status: 500,
                contentType: 'application/problem+json',
                body: JSON.stringify({
                  type: 'urn:wij-techniek:onboarding:problem:internal_error',
                  title: PROBLEM_TITLE,
                  status: 500,
                  code: 'internal_error',
                  detail: PROBLEM_DETAIL,
                }),
              }),
            { times: 1 },
          );

          const app = new OnboardingPage(page);
          const response = await page.goto(`${stack.site}/cms-paste-in/?${STRICT_CSP_QUERY}`);
          assert.equal(response?.headers()['content-security-policy'], STRICT_CSP, 'the page is under the policy');
          const person: Person = {
            email: `w2.${randomBytes(4).toString('hex')}@example.test`,
            password: PASSWORDS.first,
            firstName: FIRST_NAME,
            lastName: LAST_NAME,
          };
          await app.start.waitUntilShown();
          await app.start.begin();
          await app.eherkenningInfo.waitUntilShown();
          await app.eherkenningInfo.next();
          await app.account.waitUntilShown();
          await app.account.createAccount();
          await app.email.waitUntilShown();
          await app.email.submit(person.email);
          await app.code.waitUntilShown();
          await app.code.submit(await stack.mailbox.nextCode(person.email));
          await app.details.waitUntilShown();

          // The refused submit: the element's own words, the names still in their fields as typed.
          await app.details.submit(person);
          await app.details.waitForMessage('Er ging bij ons iets mis.');
          const refused = await rendered(page, 'wt-onboarding');
          assert.deepEqual(refused.madeFromMarkup, [], 'nothing was made from the markup');
          assert.equal(refused.inputs.firstName, FIRST_NAME, 'the first name stays as typed');
          assert.equal(refused.inputs.lastName, LAST_NAME);
          for (const markup of [PROBLEM_TITLE, PROBLEM_DETAIL]) {
            assert.ok(!refused.text.includes(markup), 'the server’s words are not shown, let alone parsed');
          }

          // Again: the real server creates the account; the supplier list has the name with markup.
          await app.details.submit(person);
          await app.supplier.waitUntilShown();
          const suppliers = await rendered(page, 'wt-onboarding');
          assert.ok(
            suppliers.options.includes(SUPPLIER_NAME),
            `the supplier shows literally: ${suppliers.options.join(' | ')}`,
          );
          assert.deepEqual(suppliers.madeFromMarkup, []);

          // Back from eHerkenning, the organisation's name has markup.
          await page.route('**/api/v1/session', async (route) => {
            const answer = await route.fetch();
            const session = (await answer.json()) as { memberships: { organisation: { name: string } }[] };
            for (const membership of session.memberships) membership.organisation.name = ORGANISATION_NAME;
            await route.fulfill({ response: answer, json: session });
          });
          await app.supplier.choose(SUPPLIER);
          const simulator = new SimulatorLoginPage(page);
          await simulator.waitUntilShown(stack.simulator.issuer);
          await simulator.logInAs(IDENTITY.firstAdministrator);
          await app.verified.waitUntilShown();
          await app.verified.waitForMessage(ORGANISATION_NAME);
          const verified = await rendered(page, 'wt-onboarding');
          assert.deepEqual(verified.madeFromMarkup, []);
          await page.unroute('**/api/v1/session');

          // The members page under the same policy: the administrator's own name, as given at sign-up.
          const members = new OrganisationMembersPage(page);
          await members.open(`${stack.site}/e2e/members-strict-csp/`);
          await members.waitForText(`${FIRST_NAME} ${LAST_NAME}`);
          const list = await rendered(page, 'wt-organisation-members');
          assert.deepEqual(list.madeFromMarkup, []);

          assert.deepEqual(dialogs, [], 'no dialog opened');
          assert.deepEqual(fetchedImages, [], 'no image element was made from the markup');
          assert.deepEqual([...violations], [], 'no Trusted Types or other CSP violation');

          // The collector works on this page: a string assigned as HTML is what Trusted Types refuses.
          await page.evaluate(() => {
            try {
              document.body.insertAdjacentHTML('beforeend', '<i>not trusted</i>');
            } catch {
              // refused, as it should be
            }
          });
          await waitUntil(() => violations.length > 0);
          assert.equal(violations[0]?.directive, 'require-trusted-types-for');
        },
        { prepare: collect },
      );
    },
  );
});

describe('W2: the lint rules that keep HTML strings out of the element and the SDK', () => {
  // Every door through which a string becomes markup, and safe code beside them that must stay allowed.
  const DOORS: Record<string, string> = {
    'lit unsafeHTML': "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const r = unsafeHTML;\n",
    'lit-html unsafeHTML':
      "import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';\nexport const r = unsafeHTML;\n",
    'lit unsafeSVG': "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const r = unsafeSVG;\n",
    'lit unsafeMathML':
      "import { unsafeMathML } from 'lit/directives/unsafe-mathml.js';\nexport const r = unsafeMathML;\n",
    'lit unsafeStatic': "import { unsafeStatic } from 'lit/static-html.js';\nexport const r = unsafeStatic;\n",
    innerHTML: 'export const r = (e: Element, t: string) => { e.innerHTML = t; };\n',
    outerHTML: 'export const r = (e: Element, t: string) => { e.outerHTML = t; };\n',
    insertAdjacentHTML: "export const r = (e: Element, t: string) => e.insertAdjacentHTML('beforeend', t);\n",
    'document.write': 'export const r = (t: string) => document.write(t);\n',
  };
  const SAFE =
    "import { html } from 'lit';\nexport const r = (e: Element, t: string) => { e.textContent = t; return html`${t}`; };\n";

  for (const file of ['packages/element/src/onboarding.ts', 'packages/sdk/src/index.ts']) {
    it(`W2: ${file.split('/')[1]} sources: each HTML door is a lint error, safe text is not`, () => {
      // The repository's configuration as ESLint resolves it for that file. In a child process: the lint plugins
      // do not load under the `source` export condition these tests run with.
      const printed = execFileSync(process.execPath, [ESLINT_BIN, '--print-config', file], {
        cwd: REPO,
        encoding: 'utf8',
      });
      const { rules } = JSON.parse(printed) as Linter.Config;
      const w2Rules = {
        'no-restricted-imports': rules?.['no-restricted-imports'],
        'no-restricted-properties': rules?.['no-restricted-properties'],
      };
      const lint = (code: string) =>
        new Linter({ configType: 'flat' }).verify(
          code,
          [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: w2Rules }],
          'probe.ts',
        );
      for (const [door, code] of Object.entries(DOORS)) {
        const messages = lint(code);
        assert.equal(messages.length, 1, `${door}: ${JSON.stringify(messages)}`);
        assert.equal(messages[0]!.severity, 2, `${door}: an error, not a warning`);
        assert.match(messages[0]!.message, /W2/u, door);
      }
      assert.deepEqual(lint(SAFE), [], 'text content and lit templates stay allowed');
    });
  }
});

/** Polls `condition`: the binding's call arrives asynchronously. */
async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the deliberate violation was not reported');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
