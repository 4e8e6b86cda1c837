import { z } from "@/lib/zod";
import { auditActionNames, auditTargetTypeNames, decisions } from "@/lib/audit-actions";
import { emailSchema } from "@/lib/validation/auth";

/** The moderation queues, in the order the desk shows them. */
export const queues = ["pending", "reported", "spam", "approved", "trash"] as const;
export type Queue = (typeof queues)[number];

export const queueLabels: Record<Queue, string> = {
  pending: "Pending",
  reported: "Reported",
  spam: "Spam",
  approved: "Approved",
  trash: "Trash",
};

/** Trigram search needs three characters to use its index; shorter words would scan every comment. */
export const MIN_SEARCH_LENGTH = 3;
/** The most comments one bulk action changes in its single transaction. */
export const MAX_BULK = 10_000;
export const QUEUE_PAGE_SIZE = 30;

const commentStatus = z.enum(["PENDING", "APPROVED", "SPAM", "TRASH"]);
const ipHashSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, "That is not an IP hash from a comment.");
/** What narrows a queue: the same filters serve the page, its counts and "select all matching". */
export const queueFilterSchema = z.object({
  article: z.uuid("That story filter was not understood, so it was left out.").optional(),
  q: z.string().trim().min(MIN_SEARCH_LENGTH, `Type at least ${MIN_SEARCH_LENGTH} characters to search.`).max(200, "Search for at most 200 characters.").optional(),
  author: emailSchema.optional(),
  ip: ipHashSchema.optional(),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** The queue page's search parameters. Anything malformed is dropped, never an error page. */
export function parseQueueParams(params: Record<string, string | string[] | undefined>): {
  queue: Queue;
  filter: QueueFilter;
  cursor: string | null;
  problems: string[];
} {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const queue = z.enum(queues).catch("pending").parse(first(params.queue));
  const filter: QueueFilter = {};
  const problems: string[] = [];
  for (const key of ["article", "q", "author", "ip"] as const) {
    const raw = first(params[key]);
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = queueFilterSchema.shape[key].safeParse(raw);
    if (parsed.success) Object.assign(filter, { [key]: parsed.data });
    else problems.push(parsed.error.issues[0]?.message ?? `Ignored an invalid ${key} filter.`);
  }
  const cursor = first(params.cursor) ?? null;
  return { queue, filter, cursor, problems };
}

export const decisionSchema = z.enum(decisions);

/** One comment, decided from the status the moderator saw (a conditional update, never a blind one). */
export const moderateCommentSchema = z.object({
  commentId: z.uuid(),
  seenStatus: commentStatus,
  decision: decisionSchema,
});

export const bulkSelectionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ids"),
    items: z
      .array(z.object({ id: z.uuid(), seenStatus: commentStatus }))
      .min(1, "Select at least one comment.")
      .max(MAX_BULK, `At most ${MAX_BULK.toLocaleString("en")} comments at a time.`),
  }),
  z.object({
    kind: z.literal("filter"),
    queue: z.enum(queues),
    filter: queueFilterSchema,
    /** When the moderator loaded the list: comments that arrived later were not seen and are left alone. */
    upTo: z.iso.datetime(),
  }),
]);
export type BulkSelection = z.output<typeof bulkSelectionSchema>;

export const bulkModerateSchema = z.object({
  selection: bulkSelectionSchema,
  decision: decisionSchema,
});

export const staffReplySchema = z.object({
  parentId: z.uuid(),
  seenStatus: commentStatus,
  body: z.string().trim().min(1, "Write a reply first.").max(5000, "A reply can be at most 5,000 characters."),
});

const banReason = z.string().trim().max(500, "Keep the reason under 500 characters.").default("");

export const banFromCommentSchema = z
  .object({
    commentId: z.uuid(),
    banEmail: z.boolean(),
    banIp: z.boolean(),
    reason: banReason,
    spamPending: z.boolean(),
  })
  .refine((value) => value.banEmail || value.banIp, { message: "Choose the email, the IP hash or both.", path: ["banEmail"] });

/** The bans page's own form: a ban typed in by hand. */
export const banFormSchema = z
  .object({
    email: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(emailSchema.optional()),
    ipHash: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(ipHashSchema.optional()),
    reason: banReason,
  })
  .refine((value) => value.email || value.ipHash, { message: "Enter an email address, an IP hash or both.", path: ["email"] });

export const liftBanSchema = z.object({ banId: z.uuid() });

/** The audit log's filters, from its search parameters; malformed values are dropped. */
export const auditFilterSchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z.enum(auditActionNames).optional().catch(undefined),
  targetType: z.enum(auditTargetTypeNames).optional().catch(undefined),
  targetId: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  batch: z.uuid().optional().catch(undefined),
  /** Calendar days (UTC), inclusive. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
