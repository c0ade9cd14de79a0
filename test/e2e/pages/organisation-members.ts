import type { Locator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS } from './step.ts';

/** The labels of `<wt-organisation-members>` the journey uses (Dutch). */
export const MEMBERS_LABELS = {
  heading: 'Medewerkers en rechten',
  inviteEmail: 'E-mailadres van je collega',
  inviteAction: 'Uitnodiging versturen',
  pendingHeading: 'Openstaande uitnodigingen',
  yourRights: 'Jouw rechten',
  rights: {
    register_for_meetings: "Collega's aanmelden voor bijeenkomsten",
    submit_expense_claims: 'Declaraties indienen',
    access_exclusive_content: 'Exclusieve informatie en tools',
    administer: 'Beheer (rechten toekennen)',
  },
} as const;

/** A right, by the contract's name. */
export type RightName = keyof typeof MEMBERS_LABELS.rights;

/** `<wt-organisation-members>`: the administrator's page of the organisation, and a member's own rights. */
export class OrganisationMembersPage {
  readonly page: Page;
  readonly element: Locator;

  constructor(page: Page) {
    this.page = page;
    this.element = page.locator('wt-organisation-members');
  }

  /** Opens `url` and waits until the element shows its heading. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.element
      .getByRole('heading', { level: 2, name: MEMBERS_LABELS.heading })
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  }

  /** Invites `email` with `rights` and waits for the confirmation. */
  async invite(email: string, rights: readonly RightName[]): Promise<void> {
    await this.element.getByLabel(MEMBERS_LABELS.inviteEmail, { exact: true }).fill(email);
    for (const right of rights) {
      await this.element
        .getByRole('group', { name: 'Rechten' })
        .getByRole('checkbox', { name: MEMBERS_LABELS.rights[right], exact: true })
        .check();
    }
    await this.element.getByRole('button', { name: MEMBERS_LABELS.inviteAction, exact: true }).click();
    await this.waitForText(`De uitnodiging is verstuurd naar ${email}.`);
  }

  /** The list of the signed-in member's own rights (shown to a member without the administration right). */
  get ownRights(): Locator {
    return this.element.getByRole('list', { name: MEMBERS_LABELS.yourRights, exact: true });
  }

  /** The list of rights of the member named `name`, as an administrator sees it. */
  rightsOf(name: string): Locator {
    return this.element.getByRole('list', { name: `Rechten van ${name}`, exact: true });
  }

  /** The texts of the items of a rights list. */
  static async rightsIn(list: Locator): Promise<string[]> {
    await list.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    return (await list.getByRole('listitem').allTextContents()).map((text) => text.trim());
  }

  /** Waits until `text` is shown by the element. */
  async waitForText(text: string): Promise<void> {
    try {
      await this.element
        .getByText(text)
        .filter({ visible: true })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    } catch (error) {
      const shown = await this.element
        .locator('[part~="base"]')
        .innerText()
        .catch(() => '(the element is gone)');
      throw new Error(`"${text}" was not shown; the element shows:\n${shown}`, { cause: error });
    }
  }
}
