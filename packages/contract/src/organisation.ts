import { z } from 'zod/mini';
import { AUDIT_ACTIONS, RIGHTS } from './core/organisation.js';
import { BRANCH_NUMBER_PATTERN, KVK_NUMBER_PATTERN, orderRights } from './core/internal.js';
import { EmailSchema, IdSchema, LanguageSchema, TimestampSchema } from './fields.js';

export * from './core/organisation.js';

/** Schema of a right. */
export const RightSchema = z.enum(RIGHTS);

/** Schema of a set of rights: no duplicates, in the order of {@link RIGHTS}. */
export const RightsSchema = z.pipe(
  z.array(RightSchema).check(z.maxLength(RIGHTS.length * 4)),
  z.transform(orderRights),
);

/** Schema of a KvK number: eight digits (EHERKENNING.md §5; no checksum). */
export const KvkNumberSchema = z.string().check(z.regex(KVK_NUMBER_PATTERN));

/** Schema of an organisation as the account sees it. */
export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kvkNumber: KvkNumberSchema,
  /** The vestigingsnummer (12 digits) when eHerkenning named a branch. */
  branchNumber: z.nullable(z.string().check(z.regex(BRANCH_NUMBER_PATTERN))),
});

/** An organisation (company) verified through eHerkenning. */
export type Organisation = z.infer<typeof OrganisationSchema>;

/** Schema of the signed-in account's link to one organisation. */
export const MembershipSchema = z.object({
  id: IdSchema,
  organisation: OrganisationSchema,
  rights: z.array(RightSchema),
});

/** The signed-in account's link to one organisation, with its own rights. */
export type Membership = z.infer<typeof MembershipSchema>;

/** Schema of a member as an administrator sees them. */
export const MemberSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  rights: z.array(RightSchema),
  joinedAt: TimestampSchema,
});

/** A member of an organisation. */
export type Member = z.infer<typeof MemberSchema>;

/** Schema of a pending invitation. */
export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  rights: z.array(RightSchema),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
});

/** An invitation sent to an employee that is not yet accepted. */
export type Invitation = z.infer<typeof InvitationSchema>;

/** Schema of one audit entry: who did what to whom, when. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  action: z.enum(AUDIT_ACTIONS),
  actor: z.nullable(z.object({ accountId: IdSchema, name: z.string() })),
  subject: z.object({ accountId: z.nullable(IdSchema), email: z.nullable(z.string()) }),
  rightsBefore: z.nullable(z.array(RightSchema)),
  rightsAfter: z.nullable(z.array(RightSchema)),
});

/** One audit entry. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Schema of the invitation an administrator sends. */
export const InviteMemberRequestSchema = z.object({
  email: EmailSchema,
  rights: RightsSchema,
  /** The language of the invitation mail (default `nl`). */
  lang: z.optional(LanguageSchema),
});
