import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Response } from 'playwright-core';
import { createAccount } from './helpers/api.ts';
import { assertAccessible } from './helpers/axe.ts';
import { signUpToSupplier } from './helpers/journeys.ts';
import { newPerson, type Person } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import { inBrowser } from './helpers/browser.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { LABELS, MESSAGES } from './pages/labels.ts';
import { OnboardingPage } from './pages/onboarding.ts';
import { MEMBERS_LABELS, OrganisationMembersPage } from './pages/organisation-members.ts';

/** The CMS page: the two pasted lines, the CDN file and nothing else. */
const CMS_PAGE = '/cms-paste-in/';

/** Every right the contract knows: the first administrator holds them all. */
const ALL_RIGHTS = ['register_for_meetings', 'submit_expense_claims', 'access_exclusive_content', 'administer'];

interface SessionBody {
  step: string | null;
  account: { email: string; firstName: string; lastName: string; verified: boolean } | null;
  memberships: { organisation: { name: string; kvkNumber: string }; rights: string[] }[];
}

/** `Set-Cookie` lines of the session cookie, with the API path that set them. */
interface SetCookie {
  readonly path: string;
  readonly line: string;
}

function sessionCookieValue(line: string): string {
  return /^(?:__Host-)?wt_session=([^;]*)/.exec(line)?.[1] ?? '';
}

describe('A new person, through the CMS page', () => {
  let stack: E2eStack;
  /** The first journey's person, the organisation's administrator, who invites a colleague later. */
  let administrator: Person | undefined;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'goes from "Start hier" to "Jouw account is geverifieerd!" as administrator, with no axe violation on any step (S2, S3, O12, W3)',
    JOURNEY_TIMEOUT,
    async () => {
      await inBrowser(stack, 'new-person-verified', async (page) => {
        const setCookies: SetCookie[] = [];
        const callbacks: Response[] = [];
        page.on('response', (response) => {
          const url = new URL(response.url());
          if (url.pathname === '/api/v1/eherkenning/callback') callbacks.push(response);
          if (!url.pathname.startsWith('/api/')) return;
          void response.headersArray().then((headers) => {
            for (const { name, value } of headers) {
              if (name.toLowerCase() === 'set-cookie' && /wt_session=/.test(value)) {
                setCookies.push({ path: url.pathname, line: value });
              }
            }
          });
        });
        const app = new OnboardingPage(page);
        const person = newPerson('Jan', 'Vries');
        await app.open(`${stack.site}${CMS_PAGE}`);
        await signUpToSupplier(app, stack.mailbox, person, (step) => assertAccessible(page, step));

        await app.supplier.choose();
        const simulator = new SimulatorLoginPage(page);
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.logInAs(IDENTITY.firstAdministrator);

        await app.verified.waitUntilShown();
        await app.verified.waitForMessage('Installatiebedrijf De Vries B.V. (simulatie)');
        await app.verified.waitForMessage(MESSAGES.nl.administrator);
        await assertAccessible(page, 'verified');
        administrator = person;

        // O12: back on the page the person started from, with nothing of the round trip left in the address.
        const final = new URL(page.url());
        assert.equal(`${final.origin}${final.pathname}`, `${stack.site}${CMS_PAGE}`);
        for (const name of ['code', 'state', 'iss', 'wt-eherkenning']) {
          assert.equal(final.searchParams.has(name), false, `the final URL still has ${name}: ${final.href}`);
        }
        assert.equal(callbacks.length, 1, 'the browser went through the callback once');
        assert.equal(callbacks[0]!.status(), 303);
        assert.equal(await callbacks[0]!.headerValue('referrer-policy'), 'no-referrer');

        // The session, as the page's own script sees it.
        const session = await page.evaluate(async () => {
          const response = await fetch('/api/v1/session', { headers: { accept: 'application/json' } });
          return (await response.json()) as unknown;
        });
        const body = session as SessionBody;
        assert.equal(body.step, 'verified');
        assert.equal(body.account?.email, person.email);
        assert.equal(body.account?.verified, true);
        assert.equal(body.memberships.length, 1);
        assert.equal(body.memberships[0]!.organisation.name, 'Installatiebedrijf De Vries B.V. (simulatie)');
        assert.equal(body.memberships[0]!.organisation.kvkNumber, '68750110');
        assert.deepEqual([...body.memberships[0]!.rights].sort(), [...ALL_RIGHTS].sort());

        // S2: every session cookie the server set is HttpOnly, SameSite=Lax, Path=/, host-only.
        assert.ok(setCookies.length > 0, 'the server set a session cookie');
        for (const { path, line } of setCookies) {
          const attributes = line.split(';').map((part) => part.trim().toLowerCase());
          assert.ok(attributes.includes('httponly'), `HttpOnly missing on ${path}: ${line}`);
          assert.ok(attributes.includes('samesite=lax'), `SameSite=Lax missing on ${path}: ${line}`);
          assert.ok(attributes.includes('path=/'), `Path=/ missing on ${path}: ${line}`);
          assert.ok(!attributes.some((a) => a.startsWith('domain=')), `a Domain on ${path}: ${line}`);
        }
        // S3: a new session id once the account exists, and another once eHerkenning made it administrator.
        const signedUp = setCookies.find((cookie) => cookie.path === '/api/v1/signup/account');
        const verified = setCookies.find((cookie) => cookie.path === '/api/v1/eherkenning/callback');
        assert.ok(signedUp, 'creating the account set a new session cookie');
        assert.ok(verified, 'the eHerkenning callback set a new session cookie');
        assert.notEqual(sessionCookieValue(signedUp.line), sessionCookieValue(verified.line));

        // W3: nothing secret where the page's script can read it.
        const readable = await page.evaluate(async () => ({
          cookie: document.cookie,
          storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
          databases: (await indexedDB.databases()).map((database) => database.name),
        }));
        assert.doesNotMatch(readable.cookie, /wt_session/);
        for (const secret of [sessionCookieValue(verified.line), sessionCookieValue(signedUp.line), person.password]) {
          assert.equal(readable.storage.includes(secret), false, 'a secret is in web storage');
        }
        for (const mail of stack.mailbox.all(person.email)) {
          const code = /\b\d{6}\b/.exec(mail.subject)?.[0];
          if (code) assert.equal(readable.storage.includes(code), false, 'the code is in web storage');
        }
        assert.deepEqual(readable.databases, [], 'nothing is kept in IndexedDB');
      });
    },
  );
  it(
    'the administrator invites a colleague, who accepts from the mailed link without eHerkenning and sees the granted rights (issue 8)',
    JOURNEY_TIMEOUT,
    async () => {
      const admin = administrator;
      assert.ok(admin, 'the first journey made the administrator');
      const colleague = newPerson('Fatima', 'Amrani');
      const granted = [MEMBERS_LABELS.rights.register_for_meetings, MEMBERS_LABELS.rights.submit_expense_claims];

      await inBrowser(stack, 'administrator-invites', async (adminPage) => {
        const app = new OnboardingPage(adminPage);
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.signIn(admin.email, admin.password);
        // Already the administrator: no second eHerkenning round.
        await app.verified.waitUntilShown();

        const members = new OrganisationMembersPage(adminPage);
        await members.open(`${stack.site}/e2e/members/`);
        await members.waitForText(`${admin.firstName} ${admin.lastName}`);
        await members.invite(colleague.email, ['register_for_meetings', 'submit_expense_claims']);
        await members.waitForText(colleague.email);

        const { mail, link } = await stack.mailbox.nextLink(colleague.email, `${stack.site}${CMS_PAGE}`);
        assert.match(mail.text, /Installatiebedrijf De Vries B\.V\. \(simulatie\)/);
        assert.ok(new URL(link).searchParams.has('wt-invitation'), `the link carries the invitation: ${link}`);

        await inBrowser(stack, 'colleague-accepts', async (page) => {
          const onboarding = new OnboardingPage(page);
          await onboarding.open(link);
          await onboarding.invitation.waitUntilShown();
          await onboarding.invitation.waitForMessage('Installatiebedrijf De Vries B.V. (simulatie) nodigt je uit');
          await onboarding.invitation.accept(colleague);
          await onboarding.verified.waitUntilShown();
          await onboarding.verified.waitForMessage('Organisatie: Installatiebedrijf De Vries B.V. (simulatie)');
          assert.ok(!page.url().startsWith(stack.simulator.issuer), 'no eHerkenning for an invited colleague');

          const own = new OrganisationMembersPage(page);
          await own.open(`${stack.site}/e2e/members/`);
          assert.deepEqual(await OrganisationMembersPage.rightsIn(own.ownRights), granted);
          // No invite form for a member without the administration right.
          assert.equal(await own.element.getByRole('button', { name: MEMBERS_LABELS.inviteAction }).count(), 0);
        });

        // The administrator now sees the colleague as a member with those rights.
        await members.open(`${stack.site}/e2e/members/`);
        const colleagueName = `${colleague.firstName} ${colleague.lastName}`;
        assert.deepEqual(await OrganisationMembersPage.rightsIn(members.rightsOf(colleagueName)), granted);
      });
    },
  );

  it(
    'an existing account signs in on the account step, continues at the supplier step and verifies at EH4',
    JOURNEY_TIMEOUT,
    async () => {
      const person = newPerson('Bram', 'Dekker');
      await createAccount(stack, person);
      await inBrowser(stack, 'existing-account', async (page) => {
        const app = new OnboardingPage(page);
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.waitUntilShown();
        await app.account.signIn(person.email, person.password);
        await app.supplier.waitUntilShown();
        // No code mail for signing in: the address was proven when the account was made.
        assert.equal(stack.mailbox.all(person.email).length, 1);
        // And the sign-in holds: a reload stays on the supplier step, and eHerkenning finishes it (at EH4, above 3).
        await page.reload();
        await app.supplier.waitUntilShown();
        await app.supplier.choose();
        const simulator = new SimulatorLoginPage(page);
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.logInAs(IDENTITY.highestLevel);
        await app.verified.waitUntilShown();
        await app.verified.waitForMessage('Organisatie: Bakker Elektrotechniek (simulatie)');
      });
    },
  );

  it(
    'the whole journey in English on a page with lang="en", with the English labels and an English mail',
    JOURNEY_TIMEOUT,
    async () => {
      await inBrowser(
        stack,
        'english',
        async (page) => {
          const app = new OnboardingPage(page, 'en');
          const person = newPerson('Emma', 'Smith');
          await app.open(`${stack.site}/e2e/english/`);
          await signUpToSupplier(app, stack.mailbox, person);
          assert.match(stack.mailbox.all(person.email)[0]!.subject, /^Your verification code: [0-9]{6}$/);
          await app.supplier.choose();
          const simulator = new SimulatorLoginPage(page);
          await simulator.waitUntilShown(stack.simulator.issuer);
          await simulator.logInAs(IDENTITY.secondCompany);
          await app.verified.waitUntilShown();
          assert.equal(await app.headingText(), LABELS.en.verified.heading);
          await app.verified.waitForMessage('Organisation: Smit Warmtepompen N.V. (simulatie)');
          await app.verified.waitForMessage(MESSAGES.en.administrator);
        },
        { locale: 'en-GB' },
      );
    },
  );
});
