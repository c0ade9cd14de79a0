// Zod-free, so the lite entry (and so the browser) can check passwords; ../password-policy.ts adds the zod schema.

/** The character classes a policy can require. */
export const CHARACTER_CLASSES = ['upper', 'lower', 'digit', 'symbol'] as const;

/** One of {@link CHARACTER_CLASSES}. */
export type CharacterClass = (typeof CHARACTER_CLASSES)[number];

/**
 * The reasons a password is refused, as the server's `violations` list and the element's messages name them.
 * `blocklisted` is decided on the server only: the list does not ship to the browser.
 */
export const PASSWORD_VIOLATIONS = [
  'too_short',
  'too_long',
  'missing_upper',
  'missing_lower',
  'missing_digit',
  'missing_symbol',
  'blocklisted',
  'contains_personal_data',
] as const;

/** One of {@link PASSWORD_VIOLATIONS}. */
export type PasswordViolation = (typeof PASSWORD_VIOLATIONS)[number];

/** Names of the two shipped policies. */
export const PASSWORD_POLICY_NAMES = ['business', 'standards'] as const;

/** One of {@link PASSWORD_POLICY_NAMES}. */
export type PasswordPolicyName = (typeof PASSWORD_POLICY_NAMES)[number];

/**
 * A password policy: what the server enforces and what the element shows while the person types.
 * Lengths count Unicode code points after NFC normalisation (SECURITY.md P2).
 */
export interface PasswordPolicy {
  readonly name: PasswordPolicyName;
  /** Fewest code points. */
  readonly minLength: number;
  /** Most code points. */
  readonly maxLength: number;
  /** Classes of which at least one character is required. */
  readonly requiredClasses: readonly CharacterClass[];
}

/**
 * `business` is Wij Techniek's rule (14–22 characters, upper, lower, digit and symbol) and the default;
 * `standards` follows NIST SP 800-63B-4 and ASVS 5.0 (15–128, no composition rules). Both check the
 * blocklist and personal data. SECURITY.md §1 explains why `business` is a documented deviation.
 */
export const PASSWORD_POLICIES: Readonly<Record<PasswordPolicyName, PasswordPolicy>> = {
  business: {
    name: 'business',
    minLength: 14,
    maxLength: 22,
    requiredClasses: ['upper', 'lower', 'digit', 'symbol'],
  },
  standards: {
    name: 'standards',
    minLength: 15,
    maxLength: 128,
    requiredClasses: [],
  },
};

// Unicode categories pin what counts for non-ASCII: "É" is upper, "ß" lower, "٣" a digit; anything that is
// neither a letter nor a number (punctuation, space, emoji) is a symbol. Letters without case count as none.
const CLASS_PATTERNS: Readonly<Record<CharacterClass, RegExp>> = {
  upper: /[\p{Lu}\p{Lt}]/u,
  lower: /\p{Ll}/u,
  digit: /\p{Nd}/u,
  symbol: /[^\p{L}\p{N}\p{M}]/u,
};

const MISSING: Readonly<Record<CharacterClass, PasswordViolation>> = {
  upper: 'missing_upper',
  lower: 'missing_lower',
  digit: 'missing_digit',
  symbol: 'missing_symbol',
};

/** Words that always count as personal data in a password: the service's own name. */
export const SERVICE_CONTEXT_WORDS: readonly string[] = ['wijtechniek'];

// Shorter pieces of a name or address ("jan", "de") would refuse too many good passwords by accident.
const MIN_CONTEXT_WORD_LENGTH = 4;

/** What else the check needs to know besides the password. */
export interface PasswordCheckOptions {
  /**
   * Personal data the password must not contain: the e-mail address, first and last name. An e-mail address
   * contributes its local part and the pieces of it between `.`, `_`, `-` and `+`.
   */
  readonly context?: readonly (string | undefined)[];
  /** The blocklist, where it is loaded (the server); `password` is NFC-normalised and lower case. */
  readonly isBlocklisted?: (password: string) => boolean;
}

/** The outcome of {@link checkPassword}. */
export interface PasswordVerdict {
  /** True when no rule is broken. */
  readonly valid: boolean;
  /** Every rule the password breaks, in the order of {@link PASSWORD_VIOLATIONS}. */
  readonly violations: readonly PasswordViolation[];
  /** Length in code points after NFC. */
  readonly length: number;
}

/** Length of `password` as the policy counts it: code points after NFC. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** The words of `context` that a password must not contain, lower case, each at least four characters. */
export function contextWords(context: readonly (string | undefined)[]): string[] {
  const words = new Set<string>(SERVICE_CONTEXT_WORDS);
  for (const value of context) {
    if (!value) continue;
    const text = value.normalize('NFC').toLowerCase().trim();
    const local = text.includes('@') ? text.slice(0, text.lastIndexOf('@')) : text;
    const candidates = [local, local.replace(/[\s._+-]+/gu, ''), ...local.split(/[\s._+-]+/u)];
    for (const word of candidates) if ([...word].length >= MIN_CONTEXT_WORD_LENGTH) words.add(word);
  }
  return [...words];
}

/**
 * Checks `password` against `policy`. Pure and synchronous: the server calls it before hashing and the
 * element calls it (through the SDK) on every keystroke, so the person sees the server's verdict as they type.
 * The password is checked exactly as given after NFC: nothing is trimmed or case-folded except for the
 * blocklist and personal-data comparisons.
 */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  options: PasswordCheckOptions = {},
): PasswordVerdict {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  const found = new Set<PasswordViolation>();
  if (length < policy.minLength) found.add('too_short');
  if (length > policy.maxLength) found.add('too_long');
  for (const characterClass of policy.requiredClasses) {
    if (!CLASS_PATTERNS[characterClass].test(normalised)) found.add(MISSING[characterClass]);
  }
  const folded = normalised.toLowerCase();
  if (length > 0 && options.isBlocklisted?.(folded)) found.add('blocklisted');
  const squeezed = folded.replace(/[\s._+-]+/gu, '');
  for (const word of contextWords(options.context ?? [])) {
    if (folded.includes(word) || squeezed.includes(word)) {
      found.add('contains_personal_data');
      break;
    }
  }
  const violations = PASSWORD_VIOLATIONS.filter((violation) => found.has(violation));
  return { valid: violations.length === 0, violations, length };
}

/** The rules a checklist shows for `policy`, in display order: the length, then each required class. */
export type PasswordRule = 'length' | CharacterClass;

/** The checklist rules of `policy`. */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  return ['length', ...policy.requiredClasses];
}

/** The violations that break `rule`. */
export function violationsOfRule(rule: PasswordRule): readonly PasswordViolation[] {
  return rule === 'length' ? ['too_short', 'too_long'] : [MISSING[rule]];
}

/**
 * The value of the `passwordrules` attribute (Apple's password-rules syntax) for `policy`, so that password
 * managers generate passwords the policy accepts.
 */
export function passwordRulesAttribute(policy: PasswordPolicy): string {
  const names: Record<CharacterClass, string> = {
    upper: 'upper',
    lower: 'lower',
    digit: 'digit',
    symbol: 'special',
  };
  const required = policy.requiredClasses.map((c) => `required: ${names[c]};`);
  const allowed = policy.requiredClasses.length === 0 ? ['allowed: unicode;'] : [];
  return [`minlength: ${policy.minLength};`, `maxlength: ${policy.maxLength};`, ...required, ...allowed].join(' ');
}
