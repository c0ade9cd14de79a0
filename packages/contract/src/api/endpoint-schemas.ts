import { ConfigSchema } from './config.js';
import { EherkenningStartRequestSchema, EherkenningStartSchema } from './eherkenning.js';
import type { EndpointName, EndpointSchemas } from './endpoints.js';
import { LoginRequestSchema } from './login.js';
import {
  AcceptInvitationRequestSchema,
  AuditLogSchema,
  InvitationCreatedSchema,
  InvitationListSchema,
  InvitationLookupRequestSchema,
  InvitationPreviewSchema,
  MemberListSchema,
  MemberUpdatedSchema,
  OrganisationViewSchema,
  UpdateMemberRequestSchema,
} from './organisations.js';
import { PasswordResetRequestSchema } from './password.js';
import { FlowAcceptedSchema, SessionSchema, StepAnswerSchema } from './session.js';
import { AccountRequestSchema, CodeRequestSchema, EmailRequestSchema } from './signup.js';
import { InviteMemberRequestSchema } from '../organisation.js';

// The lite entry (../lite/index.ts) has the same two tables with the zod-free twins; test/lite.test.ts checks
// that they name the same schemas and agree with ENDPOINT_ANSWERS.

/**
 * The body and answer schemas of every endpoint of the onboarding itself: signing up and in, the codes, the
 * password reset, the session, eHerkenning and invitations. `eherkenningCallback` is not here: the browser is
 * sent there and answered with a redirect, no JSON either way.
 */
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

/**
 * The body and answer schemas of the endpoints that manage an organisation's people. A table of its own, so that
 * a page with only the onboarding does not load these schemas.
 */
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
