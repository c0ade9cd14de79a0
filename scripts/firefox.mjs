import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * The Firefox the Firefox journey drives: `FIREFOX_PATH` when set, else the usual install paths (Debian's ESR
 * first). Undefined when there is none.
 * @returns {string | undefined}
 */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Preferences on top of the ones puppeteer already writes into its throw-away profile (updates, safe browsing,
 * health reports and search updates off). The closed network needs no background traffic: measured with strace,
 * what was left was Remote Settings polling firefox.settings.services.mozilla.com (see {@link FIREFOX_ENV}).
 */
export const FIREFOX_PREFS = {
  // The remote-settings dummy of Mozilla's own test profiles: a data: URL, so no request leaves the browser.
  // Puppeteer's `http://dummy.test/…` would still be a DNS lookup.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  // Not seen in the measured runs, but each is a connection Firefox may start on its own.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.http.http3.enable': false,
  'dom.push.connection.enabled': false,
  'browser.region.network.url': '',
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.enabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'extensions.systemAddon.update.enabled': false,
};

/**
 * Release builds ignore `services.settings.server` unless this is set: without it, Firefox ESR keeps polling
 * Mozilla's Remote Settings server (firefox.settings.services.mozilla.com) whatever the preference says.
 */
export const FIREFOX_ENV = { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' };

/**
 * Puppeteer's launch options for the Firefox at `executablePath`: headless, driven over WebDriver BiDi, kept off
 * the network. `prefs` adds preferences (the language, for instance).
 * @param {string} executablePath
 * @param {Record<string, string | number | boolean>} [prefs]
 */
export function firefoxLaunchOptions(executablePath, prefs = {}) {
  return {
    browser: /** @type {const} */ ('firefox'),
    executablePath,
    headless: true,
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    env: { ...process.env, ...FIREFOX_ENV },
  };
}

export const FIREFOX_MISSING =
  'Firefox not found: install it with `apt-get install -y firefox-esr` (Debian) or set FIREFOX_PATH to a Firefox binary.';
