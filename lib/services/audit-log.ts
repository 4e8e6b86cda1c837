import "server-only";
import { db } from "@/lib/db";
import type { AuditAction, AuditTargetType } from "@/lib/audit-actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset";
import type { AuditFilter } from "@/lib/validation/moderation";

/**
 * The audit log: who did what to which comment, ban, setting or account, and
 * what it was before and after. Entries are written by the service that makes
 * the change, inside the same transaction, so a change without its entry (or
 * an entry for a change that rolled back) cannot exist. There is deliberately
 * no update or delete here; the database refuses both anyway (a trigger).
 */

export interface AuditEntry {
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  batchId?: string | null;
}

type Writer = Pick<Prisma.TransactionClient, "moderationAction">;

/** Rows per INSERT: keeps each statement well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 1_000;

function toRow(entry: AuditEntry, at: Date): Prisma.ModerationActionCreateManyInput {
  return {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? undefined,
    after: entry.after ?? undefined,
    batchId: entry.batchId ?? null,
    createdAt: at,
  };
}

/** Appends entries; pass the transaction that makes the change they describe. */
export async function recordAudit(tx: Writer, entries: readonly AuditEntry[]): Promise<void> {
  const at = new Date();
  for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
    await tx.moderationAction.createMany({ data: entries.slice(start, start + INSERT_CHUNK).map((entry) => toRow(entry, at)) });
  }
}

export interface AuditLogRow {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  batchId: string | null;
  createdAt: Date;
  actor: { id: string; name: string } | null;
}

export interface AuditLogPage {
  items: AuditLogRow[];
  nextCursor: string | null;
}

function dayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditLog(filter: AuditFilter, cursor: string | null, limit = 50): Promise<AuditLogPage> {
  const decoded = cursor ? decodeKeysetCursor(cursor) : null;
  const after = decoded && /^\d+$/.test(decoded.id) ? decoded : null;
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = dayStart(filter.from);
  if (filter.to) createdAt.lt = new Date(dayStart(filter.to).getTime() + 24 * 60 * 60 * 1000);
  if (after) createdAt.lte = after.at;

  const where: Prisma.ModerationActionWhereInput = {
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.batch ? { batchId: filter.batch } : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: BigInt(after.id) } }] } : {}),
  };
  const rows = await db.moderationAction.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      batchId: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit).map((row) => ({ ...row, id: row.id.toString() }));
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null };
}

/** How many entries a bulk action wrote, for "Bulk · 48 comments" labels. */
export async function batchSizes(batchIds: readonly string[]): Promise<Map<string, number>> {
  if (batchIds.length === 0) return new Map();
  const groups = await db.moderationAction.groupBy({
    by: ["batchId"],
    where: { batchId: { in: [...new Set(batchIds)] } },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.batchId ? [[group.batchId, group._count._all] as const] : [])));
}

/** Everyone who appears in the log, for its "who" filter. */
export function listAuditActors(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({
    where: { moderationActions: { some: {} } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Names for the things an audit page mentions (the log stores only ids):
 * which comment, on which story, by whom; which staff member. One query per
 * kind for the whole page.
 */
export interface AuditTargets {
  comments: Map<string, { authorName: string; body: string; articleTitle: string; isStaff: boolean }>;
  users: Map<string, string>;
}

export async function describeAuditTargets(entries: readonly { targetType: string; targetId: string }[]): Promise<AuditTargets> {
  const ids = (type: string) => [...new Set(entries.filter((entry) => entry.targetType === type).map((entry) => entry.targetId))];
  const uuid = /^[0-9a-f-]{36}$/;
  const commentIds = ids("comment").filter((id) => uuid.test(id));
  const userIds = ids("user").filter((id) => uuid.test(id));
  const [comments, users] = await Promise.all([
    commentIds.length
      ? db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { id: true, authorName: true, body: true, isStaff: true, article: { select: { title: true } } },
        })
      : Promise.resolve([]),
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  return {
    comments: new Map(comments.map((comment) => [comment.id, { authorName: comment.authorName, body: comment.body, articleTitle: comment.article.title, isStaff: comment.isStaff }])),
    users: new Map(users.map((user) => [user.id, user.name])),
  };
}
