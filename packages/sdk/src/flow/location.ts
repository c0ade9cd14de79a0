import {
  EHERKENNING_OUTCOMES,
  EHERKENNING_OUTCOME_PARAM,
  SIGN_IN_PARAM,
  type EherkenningOutcome,
} from '@wij-techniek/onboarding-contract/lite';

/** The query parameter of an invitation link: `?wt-invitation=<token>`. */
export const INVITATION_PARAM = 'wt-invitation';

/** What the page's address tells the flow when it restores. */
export interface LandingParams {
  /** The eHerkenning outcome the callback reported, still to be confirmed by the session. */
  readonly outcome: EherkenningOutcome | undefined;
  /** The invitation token of an invitation link. */
  readonly invitationToken: string | undefined;
  /** Whether the page was opened from the sign-in link of the "you already have an account" mail. */
  readonly signIn: boolean;
}

/**
 * Reads the callback's outcome, an invitation token and the sign-in link's parameter from `href`; an unknown outcome
 * counts as none.
 */
export function readLanding(href: string | undefined): LandingParams {
  const params = parse(href)?.searchParams;
  const outcome = params?.get(EHERKENNING_OUTCOME_PARAM) as EherkenningOutcome;
  return {
    outcome: EHERKENNING_OUTCOMES.includes(outcome) ? outcome : undefined,
    invitationToken: params?.get(INVITATION_PARAM) || undefined,
    signIn: !!params?.has(SIGN_IN_PARAM),
  };
}

/** `href` without the given query parameters; `undefined` when it had none of them. */
export function without(href: string | undefined, ...names: string[]): string | undefined {
  const url = parse(href);
  if (!names.some((name) => url?.searchParams.has(name))) return undefined;
  for (const name of names) url!.searchParams.delete(name);
  return url!.href;
}

/** The page to come back to after eHerkenning: this page, without the flow's own parameters. */
export function defaultReturnTo(href: string | undefined): string | undefined {
  return without(href, EHERKENNING_OUTCOME_PARAM, INVITATION_PARAM, SIGN_IN_PARAM) ?? href;
}

function parse(href: string | undefined): URL | undefined {
  try {
    return new URL(href!);
  } catch {
    return undefined;
  }
}
