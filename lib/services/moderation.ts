import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "@/lib/zod";
import { statusForDecision, statusLabels, type Decision } from "@/lib/audit-actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset";
import { revalidateStoryComments } from "@/lib/revalidate";
import { recordAudit, type AuditEntry } from "@/lib/services/audit-log";
import type { StaffUser } from "@/lib/services/users";
import { MAX_BULK, QUEUE_PAGE_SIZE, queues, type BulkSelection, type Queue, type QueueFilter } from "@/lib/validation/moderation";

/**
 * The moderation desk: the queues, the decisions taken on them, and staff
 * replies. Staff-only columns (email, IP hash, report reasons) are read here
 * and nowhere public.
 *
 * Every decision is a conditional change from the status the moderator saw,
 * taken on rows locked in id order inside one transaction together with its
 * audit entries. Two moderators deciding the same comment therefore never
 * both succeed: the second finds it already moved and is told so, and
 * nothing is counted twice.
 */

// ---------------------------------------------------------------------------
// Queues

const queueStatus: Record<Exclude<Queue, "reported">, CommentStatus> = {
  pending: "PENDING",
  spam: "SPAM",
  approved: "APPROVED",
  trash: "TRASH",
};

/** Counts stop here: "10,000+" says enough, and counting a million rows exactly would cost every page view. */
export const COUNT_CAP = 10_000;
/** With a search, counting stops at the first thousand matches: enough to tell "a few" from "a lot". */
export const SEARCH_COUNT_CAP = 1_000;

/** `%`, `_` and `\` typed by a moderator are searched for literally (Prisma passes them to LIKE as they are). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterWhere(filter: QueueFilter): Prisma.CommentWhereInput[] {
  const where: Prisma.CommentWhereInput[] = [];
  if (filter.article) where.push({ articleId: filter.article });
  if (filter.author) where.push({ authorEmail: filter.author });
  if (filter.ip) where.push({ ipHash: filter.ip });
  if (filter.q) {
    const contains = escapeLike(filter.q);
    where.push({
      OR: [{ body: { contains, mode: "insensitive" } }, { authorName: { contains, mode: "insensitive" } }],
    });
  }
  return where;
}

/** What puts a comment in a queue. Reported is orthogonal to status: a reader report, not yet decided. */
export function queueWhere(queue: Queue, filter: QueueFilter): Prisma.CommentWhereInput {
  const membership: Prisma.CommentWhereInput = queue === "reported" ? { flaggedAt: { not: null } } : { status: queueStatus[queue] };
  return { AND: [membership, ...filterWhere(filter)] };
}

function inQueue(queue: Queue, row: { status: CommentStatus; flaggedAt: Date | null }): boolean {
  return queue === "reported" ? row.flaggedAt !== null : row.status === queueStatus[queue];
}

/** Reported is worked most-recently-reported first; the others newest comment first. */
const sortColumn = (queue: Queue) => (queue === "reported" ? "flaggedAt" : "createdAt");

function keysetWhere(queue: Queue, after: { at: Date; id: string }): Prisma.CommentWhereInput {
  // The redundant `<=` bound lets PostgreSQL start the index scan at the cursor instead of filtering up to it.
  return sortColumn(queue) === "flaggedAt"
    ? { flaggedAt: { lte: after.at }, OR: [{ flaggedAt: { lt: after.at } }, { flaggedAt: after.at, id: { lt: after.id } }] }
    : { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] };
}

function orderBy(queue: Queue): Prisma.CommentOrderByWithRelationInput[] {
  return sortColumn(queue) === "flaggedAt" ? [{ flaggedAt: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }];
}

export interface HeldReason {
  rule: string;
  detail: string;
}

const heldReasonsSchema = z.array(z.object({ rule: z.string(), detail: z.string().catch("") })).catch([]);

export interface AuthorHistory {
  approved: number;
  pending: number;
  spam: number;
  trash: number;
}

export interface QueueRow {
  id: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  authorName: string;
  authorEmail: string;
  ipHash: string | null;
  heldReasons: HeldReason[];
  isStaff: boolean;
  reportCount: number;
  flaggedAt: Date | null;
  moderatedAt: Date | null;
  moderatedBy: string | null;
  article: { id: string; title: string; slug: string; status: string };
  parent: { id: string; authorName: string; body: string; status: CommentStatus } | null;
  /** Distinct reasons readers gave, most frequent first. */
  reports: { reason: string; count: number }[];
  /** Everything this email has written, by status. */
  history: AuthorHistory;
  banned: { email: boolean; ip: boolean };
}

export interface QueuePage {
  items: QueueRow[];
  nextCursor: string | null;
}

const rowSelect = {
  id: true,
  body: true,
  status: true,
  createdAt: true,
  authorName: true,
  authorEmail: true,
  ipHash: true,
  heldReasons: true,
  isStaff: true,
  reportCount: true,
  flaggedAt: true,
  moderatedAt: true,
  moderatedBy: { select: { name: true } },
  article: { select: { id: true, title: true, slug: true, status: true } },
  parent: { select: { id: true, authorName: true, body: true, status: true } },
} as const satisfies Prisma.CommentSelect;

const PARENT_EXCERPT = 240;

const emptyHistory = (): AuthorHistory => ({ approved: 0, pending: 0, spam: 0, trash: 0 });

/** One page of a queue, newest first, keyset-paginated so page 1,000 costs what page 1 does. */
export async function listQueue(queue: Queue, filter: QueueFilter, cursor: string | null = null, limit = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  const after = cursor ? decodeKeysetCursor(cursor) : null;
  const where = queueWhere(queue, filter);
  const query = {
    where: after ? { AND: [where, keysetWhere(queue, after)] } : where,
    orderBy: orderBy(queue),
    take: limit + 1,
    select: rowSelect,
  } satisfies Prisma.CommentFindManyArgs;
  const rows = filter.q ? await searchWithBoundedPlans((tx) => tx.comment.findMany(query)) : await db.comment.findMany(query);
  const page = rows.slice(0, limit);
  const emails = [...new Set(page.map((row) => row.authorEmail))];
  const ipHashes = [...new Set(page.flatMap((row) => (row.ipHash ? [row.ipHash] : [])))];
  const reported = page.filter((row) => row.reportCount > 0).map((row) => row.id);

  const [historyGroups, reportGroups, bans] = await Promise.all([
    emails.length
      ? db.comment.groupBy({ by: ["authorEmail", "status"], where: { authorEmail: { in: emails } }, _count: { _all: true } })
      : Promise.resolve([]),
    reported.length
      ? db.commentReport.groupBy({ by: ["commentId", "reason"], where: { commentId: { in: reported } }, _count: { _all: true } })
      : Promise.resolve([]),
    emails.length || ipHashes.length
      ? db.ban.findMany({
          where: { liftedAt: null, OR: [{ email: { in: emails } }, { ipHash: { in: ipHashes } }] },
          select: { email: true, ipHash: true },
        })
      : Promise.resolve([]),
  ]);

  const history = new Map<string, AuthorHistory>();
  for (const group of historyGroups) {
    const entry = history.get(group.authorEmail) ?? emptyHistory();
    entry[group.status.toLowerCase() as keyof AuthorHistory] = group._count._all;
    history.set(group.authorEmail, entry);
  }
  const reports = new Map<string, { reason: string; count: number }[]>();
  for (const group of reportGroups) {
    const list = reports.get(group.commentId) ?? [];
    list.push({ reason: group.reason, count: group._count._all });
    reports.set(group.commentId, list);
  }
  const bannedEmails = new Set(bans.flatMap((ban) => (ban.email ? [ban.email] : [])));
  const bannedIps = new Set(bans.flatMap((ban) => (ban.ipHash ? [ban.ipHash] : [])));

  const items: QueueRow[] = page.map(({ moderatedBy, heldReasons, parent, ...row }) => ({
    ...row,
    // The row quotes the start of the comment replied to; the rest would only weigh down the page.
    parent: parent && { ...parent, body: parent.body.length > PARENT_EXCERPT ? `${parent.body.slice(0, PARENT_EXCERPT)}…` : parent.body },
    heldReasons: heldReasonsSchema.parse(heldReasons),
    moderatedBy: moderatedBy?.name ?? null,
    reports: (reports.get(row.id) ?? []).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    history: history.get(row.authorEmail) ?? emptyHistory(),
    banned: { email: bannedEmails.has(row.authorEmail), ip: row.ipHash !== null && bannedIps.has(row.ipHash) },
  }));
  const last = page.at(-1);
  const lastKey = last ? (sortColumn(queue) === "flaggedAt" ? last.flaggedAt : last.createdAt) : null;
  return { items, nextCursor: rows.length > limit && last && lastKey ? encodeKeysetCursor(lastKey, last.id) : null };
}

export type QueueCounts = Record<Queue, { count: number; capped: boolean }>;

/** The same filters as `queueWhere`, for the counting statements written in SQL. */
function filterSql(filter: QueueFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filter.article) parts.push(Prisma.sql`"articleId" = ${filter.article}::uuid`);
  if (filter.author) parts.push(Prisma.sql`"authorEmail" = ${filter.author}`);
  if (filter.ip) parts.push(Prisma.sql`"ipHash" = ${filter.ip}`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    parts.push(Prisma.sql`("body" ILIKE ${pattern} OR "authorName" ILIKE ${pattern})`);
  }
  return parts;
}

const membershipSql: Record<Queue, Prisma.Sql> = {
  pending: Prisma.sql`status = 'PENDING'`,
  reported: Prisma.sql`"flaggedAt" IS NOT NULL`,
  spam: Prisma.sql`status = 'SPAM'`,
  approved: Prisma.sql`status = 'APPROVED'`,
  trash: Prisma.sql`status = 'TRASH'`,
};

/**
 * Live counts of every queue under the same filters, each capped at
 * COUNT_CAP. Without a search, one capped count per queue, each answered
 * from its queue's index. With a search, one pass over the matching comments
 * (found through the trigram indexes, at most SEARCH_COUNT_CAP + 1 of them)
 * counted per queue: past that cap every count reads "at least".
 */
export async function queueCounts(filter: QueueFilter): Promise<QueueCounts> {
  const filters = filterSql(filter);
  if (!filter.q) {
    const counts = await Promise.all(queues.map(async (queue) => [queue, await countQueue(queue, filter)] as const));
    return Object.fromEntries(counts) as QueueCounts;
  }
  const groups = await db.$transaction(async (tx) => {
    // Through the trigram (and filter) indexes only: a sequential scan would read the table until it met enough matches.
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
    return tx.$queryRaw<{ status: CommentStatus; reported: boolean; n: number }[]>`
      SELECT status::text AS status, ("flaggedAt" IS NOT NULL) AS reported, count(*)::int AS n
      FROM (SELECT status, "flaggedAt" FROM "Comment" WHERE ${Prisma.join(filters, " AND ")} LIMIT ${SEARCH_COUNT_CAP + 1}) AS matches
      GROUP BY 1, 2`;
  });
  const capped = groups.reduce((sum, group) => sum + group.n, 0) > SEARCH_COUNT_CAP;
  const count = (queue: Queue) =>
    groups.filter((group) => (queue === "reported" ? group.reported : group.status === queueStatus[queue])).reduce((sum, group) => sum + group.n, 0);
  return Object.fromEntries(queues.map((queue) => [queue, { count: Math.min(count(queue), SEARCH_COUNT_CAP), capped }])) as QueueCounts;
}

/** One queue's count under filters without a search, capped at COUNT_CAP and answered from the queue's index. */
export async function countQueue(queue: Queue, filter: Omit<QueueFilter, "q"> = {}): Promise<QueueCounts[Queue]> {
  const where = Prisma.join([membershipSql[queue], ...filterSql(filter)], " AND ");
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Comment" WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS capped`;
  const count = row?.n ?? 0;
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
}

function isStatementTimeout(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 6; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (code === "57014" || (typeof message === "string" && /statement timeout/i.test(message))) return true;
    current = cause;
  }
  return false;
}

/** Which of the two plans a search attempt is held to, and for how long (ms; null: as long as it takes). */
const searchAttempts = [
  { plan: "trigram", budget: 60 },
  { plan: "walk", budget: 150 },
  { plan: "trigram", budget: null },
] as const;

/**
 * A search inside a queue has two good plans, and PostgreSQL cannot tell
 * which one a given word needs: its estimates assume words are spread evenly
 * over the queues, and spam words are not. The trigram indexes find a word
 * that is rare overall at once but must sort every match of a common one;
 * walking the queue's index newest first finds a word common in that queue at
 * once but reads the whole queue for one that is rare there. So each plan is
 * tried within a small time budget, the trigram plan first (moderators mostly
 * look for a name or a phrase), and the last attempt runs to the end. Every
 * attempt returns the same rows.
 */
async function searchWithBoundedPlans<T>(query: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (const attempt of searchAttempts) {
    try {
      return await db.$transaction(async (tx) => {
        if (attempt.plan === "trigram") await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
        else await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
        if (attempt.budget !== null) await tx.$executeRaw(Prisma.raw(`SET LOCAL statement_timeout = ${attempt.budget}`));
        return query(tx);
      });
    } catch (error) {
      if (attempt.budget === null || !isStatementTimeout(error)) throw error;
    }
  }
  throw new Error("unreachable: the last search attempt has no time budget");
}

/** The story a filter names, for the filter's label. */
export function articleForFilter(id: string): Promise<{ id: string; title: string } | null> {
  return db.article.findUnique({ where: { id }, select: { id: true, title: true } });
}

// ---------------------------------------------------------------------------
// Decisions

interface LockedComment {
  id: string;
  status: CommentStatus;
  flaggedAt: Date | null;
  articleId: string;
}

type Tx = Prisma.TransactionClient;

/** Locks the rows in id order, so two bulk actions over overlapping comments cannot deadlock. */
async function lockComments(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedComment>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<LockedComment[]>`
    SELECT id::text AS id, status::text AS status, "flaggedAt", "articleId"::text AS "articleId"
    FROM "Comment" WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** A decision that changes nothing (approving an approved comment nobody reported) is not taken. */
function wouldChange(row: LockedComment, target: CommentStatus): boolean {
  return row.status !== target || row.flaggedAt !== null;
}

export interface AppliedChange {
  id: string;
  from: CommentStatus;
  to: CommentStatus;
  articleId: string;
}

const auditState = (status: CommentStatus, reported: boolean) => ({ status, reported });

/**
 * Moves locked rows to the decision's status, clears their reports (a
 * moderator has now decided) and writes one audit entry each. Callers have
 * already checked every row against what its moderator saw.
 */
export async function applyDecision(
  tx: Tx,
  rows: readonly LockedComment[],
  decision: Decision,
  actor: StaffUser,
  batchId: string | null,
): Promise<AppliedChange[]> {
  if (rows.length === 0) return [];
  const target = statusForDecision[decision];
  const now = new Date();
  const ids = rows.map((row) => row.id);
  await tx.$executeRaw`
    UPDATE "Comment"
    SET status = ${target}::"CommentStatus", "flaggedAt" = NULL, "moderatedAt" = ${now}, "moderatedById" = ${actor.id}::uuid, "updatedAt" = ${now}
    WHERE id = ANY(${ids}::uuid[])`;
  const entries: AuditEntry[] = rows.map((row) => ({
    actorId: actor.id,
    action: `comment.${decision}`,
    targetType: "comment",
    targetId: row.id,
    before: auditState(row.status, row.flaggedAt !== null),
    after: auditState(target, false),
    batchId,
  }));
  await recordAudit(tx, entries);
  return rows.map((row) => ({ id: row.id, from: row.status, to: target, articleId: row.articleId }));
}

/** Readers see a change only when a comment enters or leaves APPROVED: revalidate exactly those stories. */
export async function revalidateChangedStories(changes: readonly AppliedChange[]): Promise<void> {
  const articleIds = [...new Set(changes.filter((change) => (change.from === "APPROVED") !== (change.to === "APPROVED")).map((change) => change.articleId))];
  if (articleIds.length === 0) return;
  const articles = await db.article.findMany({ where: { id: { in: articleIds } }, select: { slug: true } });
  await Promise.all(articles.map((article) => revalidateStoryComments(article.slug)));
}

export interface SingleDecisionResult {
  changed: boolean;
  /** The comment's status now: the decision's, or whatever someone else decided first. */
  status: CommentStatus;
  previousStatus: CommentStatus;
  message: string;
}

const doneMessages: Record<Decision, string> = {
  approve: "Approved.",
  spam: "Marked as spam.",
  trash: "Moved to trash.",
  pending: "Moved back to pending.",
};

/** One comment, from the status its moderator saw. */
export async function decideComment(
  input: { commentId: string; seenStatus: CommentStatus; decision: Decision },
  actor: StaffUser,
): Promise<SingleDecisionResult> {
  const target = statusForDecision[input.decision];
  const { changes, current } = await db.$transaction(async (tx) => {
    const row = (await lockComments(tx, [input.commentId])).get(input.commentId);
    if (!row) throw new AppError("not_found", "That comment no longer exists.");
    if (row.status !== input.seenStatus || !wouldChange(row, target)) return { changes: [], current: row };
    return { changes: await applyDecision(tx, [row], input.decision, actor, null), current: row };
  });
  await revalidateChangedStories(changes);
  if (changes.length === 0) {
    return {
      changed: false,
      status: current.status,
      previousStatus: current.status,
      message:
        current.status === input.seenStatus
          ? "Nothing to change: it is already there."
          : `Someone else already moved this comment to ${statusLabels[current.status]}.`,
    };
  }
  return { changed: true, status: target, previousStatus: current.status, message: doneMessages[input.decision] };
}

export interface BulkDecisionResult {
  batchId: string | null;
  changed: number;
  /** Comments left alone because they had moved since the moderator saw them (or no longer exist). */
  skipped: { id: string; status: CommentStatus | null }[];
  /** Selected by filter but beyond MAX_BULK: run again for the rest. */
  remaining: boolean;
  message: string;
}

const bulkVerbs: Record<Decision, string> = {
  approve: "Approved",
  spam: "Marked as spam",
  trash: "Moved to trash",
  pending: "Moved back to pending",
};

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Many comments in one transaction with one batch id, by explicit ids (each
 * with the status its moderator saw) or by "everything in this queue matching
 * this filter, as loaded at upTo". Reports what changed and what was skipped.
 */
export async function decideComments(input: { selection: BulkSelection; decision: Decision }, actor: StaffUser): Promise<BulkDecisionResult> {
  const { selection, decision } = input;
  const target = statusForDecision[decision];
  const batchId = randomUUID();

  const outcome = await db.$transaction(
    async (tx) => {
      let ids: string[];
      let remaining = false;
      let eligible: (row: LockedComment) => boolean;
      if (selection.kind === "ids") {
        const seen = new Map(selection.items.map((item) => [item.id, item.seenStatus]));
        ids = [...seen.keys()];
        eligible = (row) => row.status === seen.get(row.id);
      } else {
        const upTo = new Date(selection.upTo);
        const bound: Prisma.CommentWhereInput = selection.queue === "reported" ? { flaggedAt: { lte: upTo } } : { createdAt: { lte: upTo } };
        const found = await tx.comment.findMany({
          where: { AND: [queueWhere(selection.queue, selection.filter), bound] },
          orderBy: orderBy(selection.queue),
          take: MAX_BULK + 1,
          select: { id: true },
        });
        remaining = found.length > MAX_BULK;
        ids = found.slice(0, MAX_BULK).map((row) => row.id);
        eligible = (row) => inQueue(selection.queue, row);
      }
      const locked = await lockComments(tx, ids);
      const toChange: LockedComment[] = [];
      const skipped: BulkDecisionResult["skipped"] = [];
      for (const id of ids) {
        const row = locked.get(id);
        if (row && eligible(row) && wouldChange(row, target)) toChange.push(row);
        else skipped.push({ id, status: row?.status ?? null });
      }
      const changes = await applyDecision(tx, toChange, decision, actor, toChange.length ? batchId : null);
      return { changes, skipped, remaining };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  await revalidateChangedStories(outcome.changes);

  const parts = [`${bulkVerbs[decision]} ${plural(outcome.changes.length, "comment")}.`];
  if (outcome.skipped.length) {
    parts.push(`${plural(outcome.skipped.length, "comment")} skipped: someone else had already moved ${outcome.skipped.length === 1 ? "it" : "them"}.`);
  }
  if (outcome.remaining) parts.push(`More match this filter; run it again for the next ${MAX_BULK.toLocaleString("en")}.`);
  return {
    batchId: outcome.changes.length ? batchId : null,
    changed: outcome.changes.length,
    skipped: outcome.skipped,
    remaining: outcome.remaining,
    message: parts.join(" "),
  };
}

// ---------------------------------------------------------------------------
// Staff replies

export interface StaffReplyResult {
  id: string;
  /** True when replying also approved the comment replied to (it was pending). */
  approvedParent: boolean;
  message: string;
}

/**
 * A reply written from the desk: published at once, marked as staff. Replying
 * to a pending comment approves it too, since a public answer to a hidden
 * question makes no sense; spam and trash must be restored first.
 */
export async function replyAsStaff(input: { parentId: string; seenStatus: CommentStatus; body: string }, actor: StaffUser): Promise<StaffReplyResult> {
  const result = await db.$transaction(async (tx) => {
    const parent = (await lockComments(tx, [input.parentId])).get(input.parentId);
    if (!parent) throw new AppError("not_found", "That comment no longer exists.");
    if (parent.status !== input.seenStatus) {
      throw new AppError(
        "conflict",
        `Someone else moved this comment to ${statusLabels[parent.status]} while you were writing. Your reply was not posted.`,
      );
    }
    if (parent.status === "SPAM" || parent.status === "TRASH") {
      throw new AppError("invalid_input", "Restore this comment before replying to it.", { body: ["Restore this comment before replying to it."] });
    }
    const changes = parent.status === "PENDING" ? await applyDecision(tx, [parent], "approve", actor, null) : [];
    const now = new Date();
    const reply = await tx.comment.create({
      data: {
        articleId: parent.articleId,
        parentId: parent.id,
        authorName: actor.name,
        authorEmail: actor.email,
        body: input.body,
        status: "APPROVED",
        isStaff: true,
        staffUserId: actor.id,
        moderatedAt: now,
        moderatedById: actor.id,
      },
      select: { id: true, article: { select: { slug: true } } },
    });
    await recordAudit(tx, [
      {
        actorId: actor.id,
        action: "comment.reply",
        targetType: "comment",
        targetId: reply.id,
        before: null,
        // Cut by code points: half an emoji would be a lone surrogate, which jsonb refuses.
        after: { status: "APPROVED", parentId: parent.id, body: Array.from(input.body).slice(0, 280).join("") },
      },
    ]);
    return { reply, approvedParent: changes.length > 0 };
  });
  await revalidateStoryComments(result.reply.article.slug);
  return {
    id: result.reply.id,
    approvedParent: result.approvedParent,
    message: result.approvedParent ? "Approved the comment and posted your reply." : "Reply posted.",
  };
}
