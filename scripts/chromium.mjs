import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The Chromium the browser tests drive: `CHROME_PATH` when set, else the usual install paths. Undefined when
 * there is none.
 * @returns {string | undefined}
 */
export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** The flags every test launch uses: root needs no sandbox, and the closed network needs no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const CHROMIUM_MISSING =
  'Chromium not found: install it with `apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chromium or Chrome binary.';
