// `npm run screenshots`: the pictures in the guides. Starts its own stack (simulator, server, example site) on
// free ports with a temporary database, walks a new person through the whole flow on the CMS paste-in page in
// Chromium, and writes one screenshot per step to docs/screenshots/<step>.png, plus the first steps in both
// themes of examples/themed. Not part of `npm test`: it rewrites files in the tree on purpose.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from './chromium.mjs';
import { freePort, REPO, startStack } from './stack.mjs';

const OUT = join(REPO, 'docs/screenshots');
const VIEWPORT = { width: 960, height: 900 };
const PASSWORD = 'Voorbeeld#Wacht8woord';
const STEP_TIMEOUT = 30_000;

const executablePath = findChromium();
if (!executablePath) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

/** The newest mail to `to` in the dev mailbox, polled until it arrives. */
async function codeFor(apiUrl, to) {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (Date.now() < deadline) {
    const response = await fetch(new URL('../dev/mailbox', `${apiUrl}/`));
    if (response.ok) {
      const { mails } = await response.json();
      const mail = mails.find((entry) => entry.to === to && /\b\d{6}\b/.test(entry.text));
      if (mail) return /\b(\d{6})\b/.exec(mail.text)[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no verification code for ${to} in the dev mailbox`);
}

/** Screenshot of the element only (the page around it is the CMS's), after its step heading settled. */
async function shoot(page, name, heading) {
  const element = page.locator('wt-onboarding');
  if (heading) await page.getByRole('heading', { name: heading }).first().waitFor({ timeout: STEP_TIMEOUT });
  // Runs in the page, where `document` exists.
  await page.waitForFunction(() => !globalThis.document.querySelector('wt-onboarding')?.matches(':state(busy)'));
  const path = join(OUT, `${name}.png`);
  // A margin around the element, so that a focus outline at its edge is in the picture.
  const box = await element.boundingBox();
  const margin = 8;
  const clip = box && {
    x: Math.max(0, box.x - margin),
    y: Math.max(0, box.y - margin),
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
  await page.screenshot({ path, animations: 'disabled', ...(clip ? { clip } : {}), fullPage: true });
  console.log(`screenshots: ${name}.png`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'wt-screenshots-'));
mkdirSync(OUT, { recursive: true });
const stack = await startStack({
  port: await freePort(),
  simPort: await freePort(),
  webPort: await freePort(),
  dataDir,
  onCrash(piece, code, log) {
    console.error(`screenshots: the ${piece} stopped (exit code ${code}):\n${log}`);
    process.exit(1);
  },
});
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
let failed = false;
try {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const email = `jan.de.vries+${Date.now()}@voorbeeld.nl`;

  await page.goto(new URL('cms-paste-in/', stack.url).href);
  await shoot(page, 'start', 'Account aanmaken en met eHerkenning verificatie inloggen');
  await page.getByRole('button', { name: 'Start hier' }).click();

  await shoot(page, 'eherkenning-info', 'Inloggen met eHerkenning');
  await page.getByRole('button', { name: 'Login eHerkenning' }).click();

  await shoot(page, 'account', 'Jouw Wij Techniek-account');
  await page.getByRole('button', { name: 'Maak een account aan' }).click();

  await page.getByRole('heading', { name: 'Vul je e-mailadres in' }).waitFor();
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await shoot(page, 'email');
  await page.getByRole('button', { name: 'Verificatiecode verzenden' }).click();

  await page.getByRole('heading', { name: 'Vul de verificatiecode in' }).waitFor();
  await page.getByRole('textbox', { name: 'Verificatiecode' }).fill(await codeFor(stack.apiUrl, email));
  await shoot(page, 'code');
  await page.getByRole('button', { name: 'Volgende', exact: true }).click();

  await page.getByRole('heading', { name: 'Maak je account af' }).waitFor();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Herhaal wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'Voornaam' }).fill('Jan');
  await page.getByRole('textbox', { name: 'Achternaam' }).fill('de Vries');
  await shoot(page, 'details');
  await page.getByRole('button', { name: 'Maken' }).click();

  await page.getByRole('heading', { name: 'Kies je eHerkenning-leverancier' }).waitFor();
  const select = page.getByRole('combobox', { name: 'eHerkenning-leverancier' });
  const firstSupplier = await select.locator('option:not([value=""])').first().getAttribute('value');
  await select.selectOption(firstSupplier ?? '');
  await shoot(page, 'supplier');
  await page.getByRole('button', { name: 'Verder' }).click();

  // The simulated broker's login page (outside the element): a test identity at level 3.
  await page.getByRole('radio', { name: /Jan de Vries/ }).check();
  await page.screenshot({ path: join(OUT, 'eherkenning-login.png') });
  console.log('screenshots: eherkenning-login.png');
  await page.getByRole('button', { name: 'Inloggen' }).click();

  await shoot(page, 'verified', 'Jouw account is geverifieerd!');

  // The two themes, on their first step: a fresh context, since this one's session is already verified.
  const fresh = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
  for (const theme of ['wij-techniek', 'nl-design-system']) {
    const themed = await fresh.newPage();
    await themed.goto(new URL(`themed/?theme=${theme}`, stack.url).href);
    await themed.getByRole('heading', { name: 'Account aanmaken en met eHerkenning verificatie inloggen' }).waitFor();
    await themed.screenshot({ path: join(OUT, `theme-${theme}.png`), fullPage: true });
    console.log(`screenshots: theme-${theme}.png`);
    // A form with a field error, to show the input, error and focus tokens.
    await themed.getByRole('button', { name: 'Start hier' }).click();
    await themed.getByRole('button', { name: 'Login eHerkenning' }).click();
    await themed.getByRole('button', { name: 'Maak een account aan' }).click();
    await themed.getByRole('textbox', { name: 'E-mailadres' }).fill('jan@');
    await themed.getByRole('button', { name: 'Verificatiecode verzenden' }).click();
    await themed
      .getByRole('textbox', { name: 'E-mailadres', exact: false })
      .and(themed.locator('[aria-invalid="true"]'))
      .waitFor();
    await themed.screenshot({ path: join(OUT, `theme-${theme}-error.png`), fullPage: true });
    console.log(`screenshots: theme-${theme}-error.png`);
    await themed.close();
  }
} catch (error) {
  failed = true;
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
