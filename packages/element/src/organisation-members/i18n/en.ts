import type { MembersTranslation } from './translation.js';

/** English, complete. */
export const membersEn: MembersTranslation = {
  members: {
    heading: 'Employees and rights',
    organisation: 'Organisation: {organisation}',
    listHeading: 'Members',
    you: '(you)',
    email: 'E-mail address',
    rights: 'Rights',
    noRights: 'No rights yet',
    edit: 'Change rights',
    editContext: 'of {name}',
    editRightsOf: 'Rights of {name}',
    save: 'Save rights',
    cancel: 'Cancel',
    remove: 'Remove',
    removeContext: '{name}',
    confirmRemove:
      'Are you sure you want to remove {name} ({email}) from {organisation}? {name} then loses every right within your organisation.',
    confirmRemoveSelf:
      'Are you sure you want to remove yourself from {organisation}? You then lose all your rights and can no longer use this page.',
    confirm: 'Yes, remove',
    saved: 'The rights of {name} have been saved.',
    removed: '{name} has been removed from {organisation}.',
    removedSelf: 'You have been removed from {organisation}.',
    notAdministrator:
      'You do not have the right ‘Administration (grant rights)’ for {organisation}. Ask an administrator of your organisation if you want to invite employees or change rights.',
    yourRights: 'Your rights',
    loadFailed: 'We could not load the employees of your organisation.',
    switchOrganisation: 'Organisation',
  },
  invitations: {
    heading: 'Pending invitations',
    none: 'There are no pending invitations.',
    expires: 'The link works until {date}.',
    expired: 'The link expired on {date}. Withdraw the invitation and invite your colleague again.',
    withdraw: 'Withdraw invitation',
    withdrawContext: 'for {email}',
    withdrawn: 'The invitation for {email} has been withdrawn. The link in the e-mail no longer works.',
  },
  invite: {
    heading: 'Invite a colleague',
    intro:
      'Your colleague receives an e-mail with a link that works for 7 days. With it they create an account or sign in; eHerkenning is not needed.',
    email: "Your colleague's e-mail address",
    emailHint: 'For example name@company.nl',
    rights: 'Rights',
    rightsHint: 'Choose what your colleague may do. You can change this later.',
    action: 'Send invitation',
    sent: 'The invitation has been sent to {email}.',
  },
  rightLabels: {
    register_for_meetings: 'Register colleagues for meetings',
    submit_expense_claims: 'Submit expense claims',
    access_exclusive_content: 'Exclusive information and tools',
    administer: 'Administration (grant rights)',
  },
  errors: {
    forbidden:
      'You do not (or no longer) have the right ‘Administration (grant rights)’ for this organisation. Ask an administrator of your organisation for this right, or to make the change for you.',
    last_administrator:
      'Your organisation always needs at least one administrator. First give a colleague the right ‘Administration (grant rights)’; then you can take this right away or remove the member.',
    invalid_email: "This is not a valid e-mail address. Enter your colleague's address, such as name@company.nl.",
    already_member:
      'This e-mail address already belongs to a member of your organisation. Want them to do something else? Change that member’s rights in the list.',
    rate_limited: 'You sent many invitations in a short time. Wait a few minutes, then try again.',
    not_found: 'This member or invitation no longer exists; someone else already changed it. We have updated the list.',
    not_signed_in: 'You are not signed in (any more). Sign in with your Wij Techniek account and open this page again.',
    session_expired:
      'Your session expired because you were inactive for a while. Sign in again and open this page again.',
    invalid_request: 'Not everything is filled in correctly. Check the e-mail address and the rights, then try again.',
  },
  rateLimited: {
    minutes: 'You sent many invitations in a short time. Try again in {minutes|a minute|# minutes}.',
    hours: 'You sent many invitations in a short time. Try again in {hours|an hour|# hours}.',
  },
};
