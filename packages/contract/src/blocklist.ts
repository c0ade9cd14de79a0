/**
 * The offline blocklist of common and expected passwords (SECURITY.md P3, NIST SP 800-63B-4 §3.1.1.2).
 * Its own entry point, `@wij-techniek/onboarding-contract/blocklist`, so that only the server loads it: it
 * would not fit the element's size budget.
 *
 * It holds the most common passwords of public breach corpora, and the way people make such passwords fit a
 * composition rule ("Welkom01!Welkom", "Wachtwoord2026!"), built from Dutch and English base words and the
 * sector's own vocabulary. Matching is exact on the whole password, case-insensitive, after NFC.
 *
 * @packageDocumentation
 */

const COMMON: readonly string[] = [
  '123456',
  '123456789',
  '12345678',
  '12345',
  '1234567',
  '1234567890',
  '111111',
  '000000',
  '123123',
  '654321',
  '666666',
  '121212',
  '112233',
  '123321',
  '987654321',
  '7777777',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1qaz2wsx',
  'qwerty',
  'qwerty123',
  'qwertyuiop',
  'azerty',
  'azerty123',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'abc123',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword1',
  'password!',
  'wachtwoord',
  'wachtwoord1',
  'wachtwoord123',
  'welkom',
  'welkom01',
  'welkom123',
  'welkom1',
  'welcome',
  'welcome1',
  'welcome123',
  'letmein',
  'letmein1',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'shadow',
  'superman',
  'batman',
  'trustno1',
  'starwars',
  'whatever',
  'freedom',
  'michael',
  'jennifer',
  'jordan23',
  'hunter2',
  'admin',
  'admin123',
  'administrator',
  'root',
  'toor',
  'changeme',
  'default',
  'secret',
  'geheim',
  'geheim123',
  'hallo',
  'hallo123',
  'test',
  'test123',
  'test1234',
  'testtest',
  'gebruiker',
  'login',
  'inloggen',
  'aaaaaa',
  'abcdef',
  'abcd1234',
  'qwer1234',
  'pass1234',
  'correcthorsebatterystaple',
  'passwordpassword',
  'wachtwoordwachtwoord',
  'welkomwelkom',
  'ikhouvanjou',
  'voetbal',
  'ajax',
  'feyenoord',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
];

const BASE_WORDS: readonly string[] = [
  'welkom',
  'wachtwoord',
  'password',
  'welcome',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'voorjaar',
  'najaar',
  'summer',
  'spring',
  'autumn',
  'januari',
  'februari',
  'maart',
  'april',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'maandag',
  'vrijdag',
  'techniek',
  'installatie',
  'installateur',
  'monteur',
  'elektro',
  'werkplaats',
  'bedrijf',
  'kantoor',
  'company',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'eindhoven',
  'ajax',
  'feyenoord',
  'psv',
  'voetbal',
  'football',
  'qwerty',
  'azerty',
  'admin',
  'beheerder',
  'letmein',
  'iloveyou',
  'ikhouvanjou',
  'geheim',
  'secret',
  'hallo',
  'hello',
  'test',
  'gebruiker',
  'dragon',
  'monkey',
  'master',
  'sunshine',
  'princess',
  'shadow',
  'superman',
  'batman',
  'starwars',
  'freedom',
];

const NUMBERS: readonly string[] = [
  '1',
  '01',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
  '2027',
  '00',
  '11',
  '99',
  '007',
  '69',
  '321',
];

const SYMBOLS: readonly string[] = ['!', '@', '#', '$', '?', '.', '*', '&', '!!', '!@#'];

function build(): Set<string> {
  const list = new Set<string>(COMMON);
  for (const word of BASE_WORDS) {
    for (const number of NUMBERS) {
      for (const symbol of SYMBOLS) {
        list.add(`${word}${number}${symbol}`);
        list.add(`${word}${symbol}${number}`);
        list.add(`${symbol}${word}${number}`);
        list.add(`${word}${number}${symbol}${word}`);
        list.add(`${word}${symbol}${word}${number}`);
        list.add(`${word}${word}${number}${symbol}`);
        list.add(`${word}${symbol}${number}${word}`);
      }
    }
  }
  return list;
}

let list: Set<string> | undefined;

/**
 * True when `password` is on the blocklist: exact match of the whole password, case-insensitive, after NFC.
 * Pass it to `checkPassword` as `isBlocklisted`.
 */
export function isBlocklisted(password: string): boolean {
  list ??= build();
  return list.has(password.normalize('NFC').toLowerCase());
}

/** How many passwords the blocklist holds. */
export function blocklistSize(): number {
  list ??= build();
  return list.size;
}
