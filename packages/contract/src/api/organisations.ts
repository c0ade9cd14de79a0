import { z } from 'zod/mini';
import { PasswordSchema, PersonNameSchema, TimestampSchema } from '../fields.js';
import type { InviteMemberRequestSchema } from '../organisation.js';
import {
  AuditEntrySchema,
  InvitationSchema,
  MemberSchema,
  OrganisationSchema,
  RightSchema,
  RightsSchema,
} from '../organisation.js';

/** Schema of `GET /organisations/{id}`. */
export const OrganisationViewSchema = z.object({
  organisation: OrganisationSchema,
  /** The caller's own rights in this organisation. */
  rights: z.array(RightSchema),
});

/** The answer of `GET /organisations/{id}`. */
export type OrganisationView = z.infer<typeof OrganisationViewSchema>;

/** Schema of `GET /organisations/{id}/members`. */
export const MemberListSchema = z.object({ members: z.array(MemberSchema) });

/** Schema of `GET /organisations/{id}/invitations`. */
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) });

/** Schema of the answer of `POST /organisations/{id}/members` (201). */
export const InvitationCreatedSchema = z.object({ invitation: InvitationSchema });

/** Schema of `PATCH /organisations/{id}/members/{memberId}`. */
export const UpdateMemberRequestSchema = z.object({ rights: RightsSchema });

/** Schema of the answer of `PATCH /organisations/{id}/members/{memberId}`. */
export const MemberUpdatedSchema = z.object({ member: MemberSchema });

/** Schema of `GET /organisations/{id}/audit`. */
export const AuditLogSchema = z.object({ entries: z.array(AuditEntrySchema) });

/**
 * Schema of `POST /invitations/accept`. A person without an account sends a password and their name; a person
 * who has one signs in first and sends only the token.
 */
export const AcceptInvitationRequestSchema = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
  password: z.optional(PasswordSchema),
  firstName: z.optional(PersonNameSchema),
  lastName: z.optional(PersonNameSchema),
});

/** Schema of `POST /invitations/lookup`: what an invitation link offers, for the accept screen. */
export const InvitationLookupRequestSchema = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
});

/** Schema of the answer of `POST /invitations/lookup`. */
export const InvitationPreviewSchema = z.object({
  organisation: z.object({ name: z.string() }),
  email: z.string(),
  rights: z.array(RightSchema),
  expiresAt: TimestampSchema,
  /** True when the invited address already has an account: the person then signs in to accept. */
  accountExists: z.boolean(),
});

/** What an invitation link offers, for the accept screen. */
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** Body of `POST /invitations/accept`. */
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequestSchema>;

/** Body of `POST /organisations/{id}/members`. */
export type InviteMemberRequest = z.input<typeof InviteMemberRequestSchema>;

/** Body of `PATCH /organisations/{id}/members/{memberId}`. */
export type UpdateMemberRequest = z.input<typeof UpdateMemberRequestSchema>;
