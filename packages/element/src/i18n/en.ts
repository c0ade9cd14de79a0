import type { Translation } from './translation.js';

/** English, complete: every text of the Dutch table has its English counterpart. */
export const en: Translation = {
  common: {
    loading: 'One moment, loading your details…',
    loadFailed: 'We could not load the sign-up details. Check your internet connection and try again.',
    unreachable: 'We could not load the sign-up details: our service cannot be reached right now. Try again later.',
    retry: 'Try again',
    busy: 'One moment…',
    back: 'Back',
    progress: 'Step {current} of {total}',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    required: 'required',
    signOut: 'Sign out',
  },
  start: {
    heading: 'Create an account and verify it with eHerkenning',
    intro:
      'A personal account gives you an overview of all our online services. Arrange things such as registering colleagues for meetings and submitting expense claims in no time, and get access to exclusive information and tools. It takes a little time, but then you have access to everything.',
    requirementHeading: 'Before you start:',
    requirement:
      'To use the online services of Wij Techniek you need eHerkenning level 3. Don’t have it yet? Then first get eHerkenning level 3 from {suppliers|the recognised supplier|one of the # recognised suppliers}.',
    requirementNoCount:
      'To use the online services of Wij Techniek you need eHerkenning level 3. Don’t have it yet? Then first get eHerkenning level 3 from one of the recognised suppliers.',
    requirementMore: 'For more information, see the {link} and search for “eHerkenning aanvragen”.',
    requirementLink: 'website of the Belastingdienst (Dutch Tax Administration)',
    action: 'Start here',
  },
  eherkenningInfo: {
    heading: 'Log in with eHerkenning',
    body: 'You log in with eHerkenning level 3. That way we know for sure that you act on behalf of your organisation.',
    noEherkenning:
      'Don’t have eHerkenning level 3 yet? You need that level before you can use the online services of Wij Techniek.',
    action: 'Log in with eHerkenning',
  },
  account: {
    heading: 'Your Wij Techniek account',
    intro: 'You create a Wij Techniek account once.',
    createHeading: 'No account yet?',
    create: 'Create an account',
    signInHeading: 'Already have a Wij Techniek account?',
    signInIntro: 'Then sign in and continue at step {step}.',
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    forgotPassword: 'Forgot your password?',
  },
  email: {
    heading: 'Enter your e-mail address',
    intro: 'We will send a verification code to this address.',
    email: 'E-mail address',
    emailHint: 'For example name@company.nl',
    action: 'Send verification code',
  },
  code: {
    heading: 'Enter the verification code',
    intro:
      'You will now receive a verification code by e-mail at {email}. Copy the code from the e-mail and paste it here.',
    alreadySent:
      'We already sent you a verification code at {email} a moment ago. That code stays valid, so you will not get a new e-mail now. Copy the code from that e-mail and paste it here.',
    existingAccount:
      'Already have a Wij Techniek account with this e-mail address? Then you receive no code but an e-mail "You already have a Wij Techniek account". Sign in with the link in that e-mail.',
    code: 'Verification code',
    codeHint: 'The code has 6 digits. Spaces and dashes are fine.',
    action: 'Next',
    resend: 'Send a new code',
    resendIn: 'You can ask for a new code in {seconds} seconds.',
    resent: 'We sent a new code to {email}.',
    invalidAfterResend:
      'This code is not right. Did you ask for a new code? Then use the code from the newest e-mail. You have {attemptsLeft|# try|# tries} left.',
    changeEmail: 'Use a different e-mail address',
  },
  details: {
    heading: 'Complete your account',
    intro:
      'Enter a secure password of your own of between {min} and {max} characters, with a combination of upper-case letters, lower-case letters, digits and symbols. Repeat the password in the box below. Also enter your first and last name.',
    introLengthOnly:
      'Enter a secure password of your own of between {min} and {max} characters. Repeat the password in the box below. Also enter your first and last name.',
    password: 'Password',
    passwordRepeat: 'Repeat password',
    firstName: 'First name',
    lastName: 'Last name',
    action: 'Create',
  },
  supplier: {
    heading: 'Choose your eHerkenning supplier',
    intro:
      'You are now leaving the Wij Techniek website for eHerkenning. A few more steps and your account is ready. Choose from the drop-down list the supplier where you got your eHerkenning, click Continue and log in with that supplier.',
    supplier: 'eHerkenning supplier',
    choose: 'Choose your supplier',
    action: 'Continue',
  },
  verified: {
    heading: 'Your account is verified!',
    organisation: 'Organisation: {organisation}',
    administrator:
      'Your account is the administrator account of your organisation. With this account you hold all rights and can grant them to employees of your company.',
    member: 'Your account belongs to this organisation. Your administrator decides which rights you have.',
    rights: 'Your rights',
    right: {
      register_for_meetings: 'Register colleagues for meetings',
      submit_expense_claims: 'Submit expense claims',
      access_exclusive_content: 'Exclusive information and tools',
      administer: 'Administration (grant rights)',
    },
    home: 'Back to the Wij Techniek website',
  },
  passwordEmail: {
    heading: 'Forgot your password',
    intro: 'Enter the e-mail address of your account. We will send you a code to choose a new password.',
    email: 'E-mail address',
    action: 'Send verification code',
  },
  passwordCode: {
    heading: 'Enter the verification code',
    intro: 'If {email} has an account, you will now receive a verification code by e-mail. Paste the code here.',
    alreadySent:
      'If {email} has an account, we already sent you a verification code a moment ago. That code stays valid, so you will not get a new e-mail now. Paste the code here.',
  },
  passwordNew: {
    heading: 'Choose a new password',
    intro: 'Enter a new, secure password and repeat it in the box below.',
    password: 'New password',
    passwordRepeat: 'Repeat new password',
    action: 'Save password',
  },
  invitation: {
    heading: 'You are invited',
    intro: '{organisation} invites you to the online services of Wij Techniek.',
    newAccountHeading: 'No account yet? Create one',
    existingAccountHeading: 'Already have a Wij Techniek account? Sign in',
    accept: 'Create account and accept the invitation',
    signInAndAccept: 'Sign in and accept the invitation',
  },
  session: {
    warning: 'Your session ends within {minutes|# minute|# minutes} if you do nothing. Do you want to continue?',
    warningSoon: 'Your session ends soon if you do nothing. Do you want to continue?',
    ending:
      'Your session ends within {minutes|# minute|# minutes} and cannot be extended, for security reasons. Finish what you are doing; after that, sign in again or start again.',
    endingSoon:
      'Your session ends soon and cannot be extended, for security reasons. Finish what you are doing; after that, sign in again or start again.',
    timeLeft: '{time} left',
    extend: 'Continue',
    extended: 'Your session has been extended. You can carry on where you were.',
  },
  notices: {
    signed_out: 'You have signed out.',
    password_changed: 'Your password has been changed.',
  },
  rules: {
    heading: 'Your password has:',
    length: 'between {min} and {max} characters',
    upper: 'an upper-case letter',
    lower: 'a lower-case letter',
    digit: 'a digit',
    symbol: 'a symbol, such as ! or #',
    met: 'done',
    unmet: 'not yet done',
  },
  fields: {
    email: 'Enter your e-mail address, such as name@company.nl.',
    code: 'Enter the verification code from your e-mail.',
    password: 'Enter your password.',
    passwordRepeat: 'Repeat your password in this box.',
    firstName: 'Enter your first name.',
    lastName: 'Enter your last name.',
    supplierId: 'Choose a supplier from the list.',
  },
  violations: {
    too_short: 'Your password is too short. Use at least {min} characters.',
    too_long: 'Your password is too long. Use at most {max} characters.',
    missing_upper: 'Your password has no upper-case letter yet. Add one.',
    missing_lower: 'Your password has no lower-case letter yet. Add one.',
    missing_digit: 'Your password has no digit yet. Add one.',
    missing_symbol: 'Your password has no symbol yet. Add one, such as ! or #.',
    blocklisted: 'This password is used too often and is easy to guess. Choose another password.',
    contains_personal_data:
      'Your password contains your name, your e-mail address or Wij Techniek. Choose a password without these words.',
  },
  errors: {
    invalid_request: 'Not everything is filled in correctly. Check the marked fields and try again.',
    invalid_email: 'This is not a valid e-mail address. Enter an address such as name@company.nl.',
    unsupported_media_type: 'Something went wrong while sending. Reload the page and try again.',
    payload_too_large: 'What you entered is too long. Make it shorter and try again.',
    origin_not_allowed: 'Signing up is not possible from this page. Go to wij-techniek.nl/account and try there.',
    method_not_allowed: 'Something went wrong while sending. Reload the page and try again.',
    not_found: 'This part was not found. Reload the page and start again.',
    rate_limited: 'You tried too often in a short time. Wait a moment and then try again.',
    code_invalid:
      'This code is not right. Check the code in your e-mail and try again. You have {attemptsLeft|# try|# tries} left.',
    code_expired: 'This code has expired. Ask for a new code below.',
    too_many_attempts:
      'You entered a wrong code too often. Start again: enter your e-mail address and we will send a new code.',
    resend_too_soon: 'You just received a code. Wait {retryAfterSeconds} seconds, then ask for a new one.',
    password_policy: 'Your password does not meet the requirements yet. Change it following the list below.',
    password_unchanged: 'This is your current password. Choose a different password.',
    step_out_of_order: 'This step does not match where you were. Reload the page to continue.',
    flow_expired: 'Your sign-up has expired. Start again by entering your e-mail address.',
    session_expired: 'Your session has expired because you were inactive for a while. Log in again to continue.',
    invalid_credentials:
      'The e-mail address or password is not right. Check both and try again, or choose ‘Forgot your password?’ to set a new password.',
    not_signed_in: 'You are not logged in (any more). Log in again to continue.',
    unknown_supplier: 'We do not know this supplier. Choose a supplier from the list.',
    return_to_not_allowed: 'This page may not return from eHerkenning. Contact the administrator of the website.',
    eherkenning_cancelled:
      'You cancelled logging in with eHerkenning. Choose your supplier and click Continue to try again.',
    eherkenning_level_too_low:
      'Your eHerkenning does not have the required level 3. Get eHerkenning level 3 from your supplier, then try again.',
    eherkenning_failed:
      'Logging in with eHerkenning did not work. Try again; if it fails again, choose another supplier or contact us.',
    broker_unavailable: 'eHerkenning cannot be reached right now. Try again in a few minutes.',
    forbidden: 'You do not have the rights for this action. Ask the administrator of your organisation for help.',
    last_administrator: 'Your organisation always needs an administrator. First make someone else administrator.',
    already_member: 'You already belong to this organisation. Log in to continue.',
    invitation_invalid: 'This invitation is not valid. Ask the administrator of your organisation for a new one.',
    invitation_expired: 'This invitation has expired. Ask the administrator of your organisation for a new one.',
    invitation_email_mismatch:
      'This invitation is for another e-mail address. Log in with the address that received the invitation.',
    service_unavailable: 'Our service is not available right now. Try again in a few minutes.',
    internal_error: 'Something went wrong on our side. Try again; if it fails again, contact us.',
    passwords_differ: 'The passwords are not the same. Type the same password in both boxes.',
    network_error: 'There is no connection. Check your internet connection and try again.',
    timeout: 'It took too long to get an answer. Try again.',
    invalid_response: 'We received an unexpected answer. Reload the page and try again.',
    invalid_transition: 'This action is not possible now. Reload the page to continue.',
  },
  rateLimited: {
    minutes: 'You tried too often in a short time. Try again in {minutes|a minute|# minutes}.',
    hours: 'You tried too often in a short time. Try again in {hours|an hour|# hours}.',
  },
  antiAutomation: {
    refused: 'The check that you are not a robot did not succeed. Do the check again and then try once more.',
  },
};
