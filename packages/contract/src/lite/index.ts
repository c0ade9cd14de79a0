/**
 * The contract for browsers, without zod: `@wij-techniek/onboarding-contract/lite`. It exports every name of the
 * main entry — the constants, the pure functions, `validate`, the types — and each schema under the same name,
 * with the same output type, parsing exactly as the zod schema does (the tables of endpoint schemas too, holding
 * these twins) (`test/lite.test.ts` proves it on generated
 * inputs). The server keeps zod; the SDK, which ships to every page, imports this entry and saves zod's ≈ 7.5 KiB.
 *
 * No module this entry imports loads zod or `zod-config.ts`; a test bundles it and checks.
 *
 * @packageDocumentation
 * @module @wij-techniek/onboarding-contract/lite
 */
import type { z } from 'zod/mini';
import type * as Zod from '../index.js';
import type { EndpointName, EndpointSchemas } from '../api/endpoints.js';
import { ERROR_CODES } from '../core/errors.js';
import { EHERKENNING_LEVELS, EHERKENNING_OUTCOMES } from '../core/eherkenning.js';
import { LANGUAGES, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, normaliseEmail } from '../core/fields.js';
import {
  BRANCH_NUMBER_PATTERN,
  CONTROL_CHARACTER,
  ID_PATTERN,
  KVK_NUMBER_PATTERN,
  VERIFICATION_CODE_PATTERN,
  normaliseName,
  orderRights,
} from '../core/internal.js';
import { AUDIT_ACTIONS, RIGHTS } from '../core/organisation.js';
import { CHARACTER_CLASSES, PASSWORD_POLICY_NAMES, PASSWORD_VIOLATIONS } from '../core/password-policy.js';
import { FLOW_KINDS, SERVER_STEP_IDS, STEP_IDS } from '../core/steps.js';
import { normaliseVerificationCode } from '../core/verification-code.js';
import {
  array,
  boolean,
  datetime,
  email,
  enumOf,
  httpUrl,
  int,
  maxLength,
  maximum,
  minLength,
  minimum,
  nonnegative,
  nullable,
  number,
  object,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  string,
  transform,
  type Schema,
} from './schema.js';

export type { Schema } from './schema.js';

export * from '../core/errors.js';
export * from '../core/steps.js';
export * from '../core/fields.js';
export * from '../core/password-policy.js';
export * from '../core/verification-code.js';
export * from '../core/eherkenning.js';
export * from '../core/organisation.js';
export * from '../api/endpoints.js';
export * from '../validation.js';
export type {
  AcceptInvitationRequest,
  Account,
  AccountRequest,
  AuditEntry,
  CodeRequest,
  Config,
  EherkenningStart,
  EherkenningStartRequest,
  EherkenningSupplier,
  EmailRequest,
  EndedFlow,
  FlowAccepted,
  FlowInfo,
  Invitation,
  InvitationPreview,
  InviteMemberRequest,
  LoginRequest,
  Member,
  Membership,
  Organisation,
  OrganisationView,
  PasswordResetRequest,
  Problem,
  Session,
  StepAnswer,
  UpdateMemberRequest,
} from '../index.js';

/** The name of each zod schema the main entry exports; each has a lite twin of the same name here. */
export type ZodSchemaName = {
  [K in keyof typeof Zod]: (typeof Zod)[K] extends z.ZodMiniType ? K : never;
}[keyof typeof Zod];

/** The lite twin of the zod schema `K`: the same output type, so either can stand in for the other. */
export type Twin<K extends ZodSchemaName> = Schema<z.output<(typeof Zod)[K]>>;

// errors.ts, steps.ts, fields.ts

/** Schema of an error code. */
export const ErrorCodeSchema: Twin<'ErrorCodeSchema'> = enumOf(ERROR_CODES);

/** Schema of a step id. */
export const StepIdSchema: Twin<'StepIdSchema'> = enumOf(STEP_IDS);

/** Schema of `step` in server answers: `null` when this session has no server-side flow. */
export const ServerStepSchema: Twin<'ServerStepSchema'> = nullable(enumOf(SERVER_STEP_IDS));

/** Schema of a language tag. */
export const LanguageSchema: Twin<'LanguageSchema'> = enumOf(LANGUAGES);

/** Schema of an e-mail address: normalised, then checked for shape and length. */
export const EmailSchema: Twin<'EmailSchema'> = pipe(
  transform(string(maxLength(1024)), normaliseEmail),
  email('Enter an e-mail address such as naam@bedrijf.nl.', maxLength(MAX_EMAIL_LENGTH)),
);

/** Schema of a first or last name: trimmed, 1–100 characters, no control characters. */
export const PersonNameSchema: Twin<'PersonNameSchema'> = pipe(
  transform(string(maxLength(1024)), normaliseName),
  string(
    minLength(1, 'A name cannot be empty.'),
    maxLength(MAX_NAME_LENGTH, `A name has at most ${MAX_NAME_LENGTH} characters.`),
    refine((value: string) => !CONTROL_CHARACTER.test(value), 'A name cannot contain control characters.'),
  ),
);

/** Schema of a password as it travels: at most 4096 code points; the policy decides the rest. */
export const PasswordSchema: Twin<'PasswordSchema'> = string(minLength(1, 'Enter a password.'), maxLength(4096));

/** Schema of an identifier the server hands out (a UUID). */
export const IdSchema: Twin<'IdSchema'> = string(regex(ID_PATTERN));

/** Schema of a timestamp: an ISO 8601 date-time in UTC. */
export const TimestampSchema: Twin<'TimestampSchema'> = datetime();

// password-policy.ts, verification-code.ts, eherkenning.ts

/** Schema of a policy as `GET /config` sends it. */
export const PasswordPolicySchema: Twin<'PasswordPolicySchema'> = object({
  name: enumOf(PASSWORD_POLICY_NAMES),
  minLength: number(int, positive),
  maxLength: number(int, positive),
  requiredClasses: array(enumOf(CHARACTER_CLASSES)),
});

/** Schema of the rules as `GET /config` sends them. */
export const VerificationCodeRulesSchema: Twin<'VerificationCodeRulesSchema'> = object({
  length: number(int, positive),
  lifetimeSeconds: number(int, positive),
  maxAttempts: number(int, positive),
  resendCooldownSeconds: number(int, nonnegative),
  maxSendsPerWindow: number(int, positive),
  sendWindowSeconds: number(int, positive),
});

/** Schema of a code as the person submits it: exactly six ASCII digits after normalisation. */
export const VerificationCodeSchema: Twin<'VerificationCodeSchema'> = pipe(
  transform(string(), normaliseVerificationCode),
  string(regex(VERIFICATION_CODE_PATTERN, 'A verification code is exactly 6 digits.')),
);

/** Schema of one eHerkenning supplier as the broker lists it. */
export const EherkenningSupplierSchema: Twin<'EherkenningSupplierSchema'> = object({
  id: string(minLength(1), maxLength(200)),
  name: string(minLength(1), maxLength(200)),
});

/** Schema of an eHerkenning outcome. */
export const EherkenningOutcomeSchema: Twin<'EherkenningOutcomeSchema'> = enumOf(EHERKENNING_OUTCOMES);

// organisation.ts

/** Schema of a right. */
export const RightSchema: Twin<'RightSchema'> = enumOf(RIGHTS);

/** Schema of a set of rights: no duplicates, in the order of {@link RIGHTS}. */
export const RightsSchema: Twin<'RightsSchema'> = transform(array(RightSchema, RIGHTS.length * 4), orderRights);

/** Schema of a KvK number: eight digits. */
export const KvkNumberSchema: Twin<'KvkNumberSchema'> = string(regex(KVK_NUMBER_PATTERN));

/** Schema of an organisation as the account sees it. */
export const OrganisationSchema: Twin<'OrganisationSchema'> = object({
  id: IdSchema,
  name: string(),
  kvkNumber: KvkNumberSchema,
  branchNumber: nullable(string(regex(BRANCH_NUMBER_PATTERN))),
});

/** Schema of the signed-in account's link to one organisation. */
export const MembershipSchema: Twin<'MembershipSchema'> = object({
  id: IdSchema,
  organisation: OrganisationSchema,
  rights: array(RightSchema),
});

/** Schema of a member as an administrator sees them. */
export const MemberSchema: Twin<'MemberSchema'> = object({
  id: IdSchema,
  accountId: IdSchema,
  email: string(),
  firstName: string(),
  lastName: string(),
  rights: array(RightSchema),
  joinedAt: TimestampSchema,
});

/** Schema of a pending invitation. */
export const InvitationSchema: Twin<'InvitationSchema'> = object({
  id: IdSchema,
  email: string(),
  rights: array(RightSchema),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
});

/** Schema of one audit entry: who did what to whom, when. */
export const AuditEntrySchema: Twin<'AuditEntrySchema'> = object({
  id: IdSchema,
  at: TimestampSchema,
  action: enumOf(AUDIT_ACTIONS),
  actor: nullable(object({ accountId: IdSchema, name: string() })),
  subject: object({ accountId: nullable(IdSchema), email: nullable(string()) }),
  rightsBefore: nullable(array(RightSchema)),
  rightsAfter: nullable(array(RightSchema)),
});

/** Schema of the invitation an administrator sends. */
export const InviteMemberRequestSchema: Twin<'InviteMemberRequestSchema'> = object({
  email: EmailSchema,
  rights: RightsSchema,
  lang: optional(LanguageSchema),
});

// api/*.ts

/** Schema of `GET /config`. */
export const ConfigSchema: Twin<'ConfigSchema'> = object({
  passwordPolicy: PasswordPolicySchema,
  verificationCode: VerificationCodeRulesSchema,
  suppliers: array(EherkenningSupplierSchema),
  minimumLevel: enumOf(EHERKENNING_LEVELS),
  defaultLanguage: LanguageSchema,
});

/** Schema of `POST /eherkenning/start`. */
export const EherkenningStartRequestSchema: Twin<'EherkenningStartRequestSchema'> = object({
  supplierId: string(minLength(1), maxLength(200)),
  returnTo: httpUrl(maxLength(2048)),
});

/** Schema of the answer of `POST /eherkenning/start`: where to send the browser. */
export const EherkenningStartSchema: Twin<'EherkenningStartSchema'> = object({ redirectUrl: httpUrl() });

/** Schema of `POST /login`. */
export const LoginRequestSchema: Twin<'LoginRequestSchema'> = object({ email: EmailSchema, password: PasswordSchema });

/** Schema of `GET /organisations/{id}`. */
export const OrganisationViewSchema: Twin<'OrganisationViewSchema'> = object({
  organisation: OrganisationSchema,
  rights: array(RightSchema),
});

/** Schema of `GET /organisations/{id}/members`. */
export const MemberListSchema: Twin<'MemberListSchema'> = object({ members: array(MemberSchema) });

/** Schema of `GET /organisations/{id}/invitations`. */
export const InvitationListSchema: Twin<'InvitationListSchema'> = object({ invitations: array(InvitationSchema) });

/** Schema of the answer of `POST /organisations/{id}/members` (201). */
export const InvitationCreatedSchema: Twin<'InvitationCreatedSchema'> = object({ invitation: InvitationSchema });

/** Schema of `PATCH /organisations/{id}/members/{memberId}`. */
export const UpdateMemberRequestSchema: Twin<'UpdateMemberRequestSchema'> = object({ rights: RightsSchema });

/** Schema of the answer of `PATCH /organisations/{id}/members/{memberId}`. */
export const MemberUpdatedSchema: Twin<'MemberUpdatedSchema'> = object({ member: MemberSchema });

/** Schema of `GET /organisations/{id}/audit`. */
export const AuditLogSchema: Twin<'AuditLogSchema'> = object({ entries: array(AuditEntrySchema) });

const InvitationTokenSchema = string(minLength(16), maxLength(200));

/** Schema of `POST /invitations/accept`. */
export const AcceptInvitationRequestSchema: Twin<'AcceptInvitationRequestSchema'> = object({
  token: InvitationTokenSchema,
  password: optional(PasswordSchema),
  firstName: optional(PersonNameSchema),
  lastName: optional(PersonNameSchema),
});

/** Schema of `POST /invitations/lookup`. */
export const InvitationLookupRequestSchema: Twin<'InvitationLookupRequestSchema'> = object({
  token: InvitationTokenSchema,
});

/** Schema of the answer of `POST /invitations/lookup`. */
export const InvitationPreviewSchema: Twin<'InvitationPreviewSchema'> = object({
  organisation: object({ name: string() }),
  email: string(),
  rights: array(RightSchema),
  expiresAt: TimestampSchema,
  accountExists: boolean(),
});

/** Schema of `POST /password/reset`. */
export const PasswordResetRequestSchema: Twin<'PasswordResetRequestSchema'> = object({ password: PasswordSchema });

/** Schema of an error answer: RFC 9457 problem details with the onboarding's `code` and its details. */
export const ProblemSchema: Twin<'ProblemSchema'> = object({
  type: string(),
  title: string(),
  status: number(int, minimum(400), maximum(599)),
  detail: optional(string()),
  instance: optional(string()),
  code: enumOf(ERROR_CODES),
  attemptsLeft: optional(number(int, nonnegative)),
  retryAfterSeconds: optional(number(int, nonnegative)),
  violations: optional(array(enumOf(PASSWORD_VIOLATIONS))),
  fields: optional(record(array(string()))),
  step: optional(nullable(enumOf(SERVER_STEP_IDS))),
  reason: optional(string()),
});

/** Schema of the server-side flow that is under way. */
export const FlowInfoSchema: Twin<'FlowInfoSchema'> = object({
  kind: enumOf(FLOW_KINDS),
  email: string(),
  lang: LanguageSchema,
  attemptsLeft: number(int, nonnegative),
  resendAvailableAt: TimestampSchema,
  expiresAt: TimestampSchema,
});

/** Schema of the session's code flow that ended without being used. */
export const EndedFlowSchema: Twin<'EndedFlowSchema'> = object({
  kind: enumOf(FLOW_KINDS),
  email: string(),
  reason: enumOf(['too_many_attempts', 'expired']),
});

/** Schema of the signed-in account. */
export const AccountSchema: Twin<'AccountSchema'> = object({
  id: IdSchema,
  email: string(),
  firstName: string(),
  lastName: string(),
  verified: boolean(),
});

/** Schema of `GET /session` and of every answer that signs in. */
export const SessionSchema: Twin<'SessionSchema'> = object({
  step: ServerStepSchema,
  account: nullable(AccountSchema),
  memberships: array(MembershipSchema),
  flow: nullable(FlowInfoSchema),
  endedFlow: optional(nullable(EndedFlowSchema)),
  eherkenning: nullable(object({ outcome: EherkenningOutcomeSchema, at: TimestampSchema })),
  expiresAt: nullable(TimestampSchema),
  extendable: boolean(),
});

/** Schema of the answer to a request that starts or continues a code flow (202). */
export const FlowAcceptedSchema: Twin<'FlowAcceptedSchema'> = object({ step: ServerStepSchema, flow: FlowInfoSchema });

/** Schema of the answer to a step that only moves the flow on. */
export const StepAnswerSchema: Twin<'StepAnswerSchema'> = object({ step: ServerStepSchema });

/** Schema of `POST /signup/email` and `POST /password/forgot`. */
export const EmailRequestSchema: Twin<'EmailRequestSchema'> = object({
  email: EmailSchema,
  lang: optional(LanguageSchema),
});

/** Schema of `POST /signup/code` and `POST /password/code`. */
export const CodeRequestSchema: Twin<'CodeRequestSchema'> = object({ code: VerificationCodeSchema });

/** Schema of `POST /signup/account`. */
export const AccountRequestSchema: Twin<'AccountRequestSchema'> = object({
  password: PasswordSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
});

// api/endpoint-schemas.ts

/** The body and answer schemas of every endpoint of the onboarding itself (`eherkenningCallback` is a redirect). */
export const ONBOARDING_ENDPOINT_SCHEMAS = {
  config: { answer: ConfigSchema },
  signupEmail: { body: EmailRequestSchema, answer: FlowAcceptedSchema },
  signupCode: { body: CodeRequestSchema, answer: StepAnswerSchema },
  signupCodeResend: { answer: FlowAcceptedSchema },
  signupAccount: { body: AccountRequestSchema, answer: SessionSchema },
  login: { body: LoginRequestSchema, answer: SessionSchema },
  logout: {},
  passwordForgot: { body: EmailRequestSchema, answer: FlowAcceptedSchema },
  passwordCode: { body: CodeRequestSchema, answer: StepAnswerSchema },
  passwordCodeResend: { answer: FlowAcceptedSchema },
  passwordReset: { body: PasswordResetRequestSchema, answer: SessionSchema },
  session: { answer: SessionSchema },
  eherkenningStart: { body: EherkenningStartRequestSchema, answer: EherkenningStartSchema },
  lookupInvitation: { body: InvitationLookupRequestSchema, answer: InvitationPreviewSchema },
  acceptInvitation: { body: AcceptInvitationRequestSchema, answer: SessionSchema },
} as const satisfies Partial<Record<EndpointName, EndpointSchemas>>;

/** The body and answer schemas of the endpoints that manage an organisation's people. */
export const ORGANISATION_ENDPOINT_SCHEMAS = {
  organisation: { answer: OrganisationViewSchema },
  members: { answer: MemberListSchema },
  inviteMember: { body: InviteMemberRequestSchema, answer: InvitationCreatedSchema },
  updateMember: { body: UpdateMemberRequestSchema, answer: MemberUpdatedSchema },
  removeMember: {},
  invitations: { answer: InvitationListSchema },
  withdrawInvitation: {},
  audit: { answer: AuditLogSchema },
} as const satisfies Partial<Record<EndpointName, EndpointSchemas>>;
