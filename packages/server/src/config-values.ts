/**
 * Checks of configuration values that need more than a pattern: whether `SECRET` looks random, whether
 * `MAIL_FROM` is exactly one address. `config.ts` turns a failed check into a `ConfigError`.
 */

/**
 * The least information a production `SECRET` must seem to carry, estimated as its length times the entropy of its
 * character frequencies. Random output is far above it: 32 hex characters (`openssl rand -hex 16`, 128 bits) never
 * came below 90 in 200,000 draws, `openssl rand -base64 48` is near 300. Hand-made values are below it:
 * 36 × `a` is 0, `changeme` four times 88, `abcd` nine times 72.
 */
export const MIN_SECRET_BITS = 80;

/** Length × the Shannon entropy of the character frequencies of `value`, in bits. */
export function estimatedBits(value: string): number {
  const characters = [...value];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * characters.length;
}

/** The shortest unit that `value` repeats whole (`abcabcabc` → 3), or undefined when it repeats none. */
function repeatedUnit(value: string): number | undefined {
  for (let unit = 1; unit <= value.length / 2; unit++) {
    if (value.length % unit === 0 && value.slice(unit) === value.slice(0, -unit)) return unit;
  }
  return undefined;
}

/**
 * Why `secret` does not look random, or undefined when it does: too little variety in its characters (a run of one
 * letter, a word written out again and again) or a shorter piece repeated. It cannot prove a value random; it
 * refuses what a person typed instead of generating.
 */
export function secretWeakness(secret: string): string | undefined {
  const unit = repeatedUnit(secret);
  if (unit !== undefined) return unit === 1 ? 'it is one character repeated' : `it is ${unit} characters repeated`;
  const bits = estimatedBits(secret);
  if (bits < MIN_SECRET_BITS) {
    return `its characters vary too little (about ${Math.floor(bits)} bits, at least ${MIN_SECRET_BITS} needed)`;
  }
  return undefined;
}

// An address as RFC 5321 allows it in practice: a dot-atom local part and a domain of host-name labels.
const LOCAL = String.raw`[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_\`{|}~-]+)*`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const ADDRESS = `${LOCAL}@${LABEL}(?:\\.${LABEL})*`;
// A display name: a quoted string, or words without the characters that separate addresses or start one.
const NAME = String.raw`(?:"(?:[^"\\\r\n]|\\.)*"|[^"<>@,;:\\()[\]\r\n]+)`;
const SENDER = new RegExp(`^(?:${ADDRESS}|(?:${NAME})?\\s*<${ADDRESS}>)$`);

/**
 * True when `value` is one sender: `noreply@example.nl`, `<noreply@example.nl>`, `Wij Techniek <noreply@example.nl>`
 * or `"Wij Techniek, onboarding" <noreply@example.nl>`. Two addresses (`a@b.nl c@d.nl`, `a@b.nl, c@d.nl`) are not.
 */
export function isOneSender(value: string): boolean {
  return SENDER.test(value);
}
