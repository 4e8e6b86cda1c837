import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/keyset";
import { recordAudit } from "@/lib/services/audit-log";
import { applyDecision } from "@/lib/services/moderation";
import type { StaffUser } from "@/lib/services/users";

/**
 * Bans by email and/or IP hash. An active ban (not lifted) sends that
 * author's new comments to Spam (checked at submission by lib/services/comments.ts,
 * among the facts it gathers for the moderation rules). Creating and lifting are audited in the same
 * transaction; a ban is never deleted, only lifted, so its history stays.
 */

export interface BanResult {
  banId: string;
  /** Pending comments by this author moved to Spam with the ban. */
  spammed: number;
  message: string;
}

interface NewBan {
  email?: string;
  ipHash?: string;
  reason: string;
  /** Also move this author's pending comments to Spam, in the same transaction. */
  spamPending: boolean;
}

export async function createBan(input: NewBan, actor: StaffUser): Promise<BanResult> {
  const email = input.email?.trim().toLowerCase() || null;
  const ipHash = input.ipHash || null;
  if (!email && !ipHash) throw new AppError("invalid_input", "Name an email address or an IP hash to ban.");

  const result = await db.$transaction(
    async (tx) => {
      // Two moderators banning the same author at once: the second waits, then finds the first's ban.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ban:${email ?? ""}|${ipHash ?? ""}`}))`;
      const duplicate = await tx.ban.findFirst({ where: { liftedAt: null, email, ipHash }, select: { id: true } });
      if (duplicate) throw new AppError("conflict", "This author is already banned.");

      const ban = await tx.ban.create({
        data: { email, ipHash, reason: input.reason, createdById: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, [
        { actorId: actor.id, action: "ban.create", targetType: "ban", targetId: ban.id, before: null, after: { email, ipHash, reason: input.reason } },
      ]);

      let spammed = 0;
      if (input.spamPending) {
        const pending = await tx.$queryRaw<{ id: string; status: "PENDING"; flaggedAt: Date | null; articleId: string }[]>`
          SELECT id::text AS id, status::text AS status, "flaggedAt", "articleId"::text AS "articleId"
          FROM "Comment"
          WHERE status = 'PENDING' AND ("authorEmail" = ${email} OR "ipHash" = ${ipHash})
          ORDER BY id FOR UPDATE`;
        const changes = await applyDecision(tx, pending, "spam", actor, pending.length ? randomUUID() : null);
        spammed = changes.length;
      }
      return { banId: ban.id, spammed };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  const spammedNote = result.spammed ? ` ${result.spammed} pending comment${result.spammed === 1 ? "" : "s"} moved to Spam.` : "";
  return { ...result, message: `Banned.${spammedNote}` };
}

/** Bans the author of a comment by what that comment recorded: its email, its IP hash, or both. */
export async function banCommentAuthor(
  input: { commentId: string; banEmail: boolean; banIp: boolean; reason: string; spamPending: boolean },
  actor: StaffUser,
): Promise<BanResult> {
  const comment = await db.comment.findUnique({ where: { id: input.commentId }, select: { authorEmail: true, ipHash: true } });
  if (!comment) throw new AppError("not_found", "That comment no longer exists.");
  if (input.banIp && !comment.ipHash) {
    throw new AppError("invalid_input", "This comment has no IP hash to ban.", { banIp: ["This comment has no IP hash to ban."] });
  }
  return createBan(
    {
      email: input.banEmail ? comment.authorEmail : undefined,
      ipHash: input.banIp ? (comment.ipHash ?? undefined) : undefined,
      reason: input.reason,
      spamPending: input.spamPending,
    },
    actor,
  );
}

export async function liftBan(banId: string, actor: StaffUser): Promise<void> {
  await db.$transaction(async (tx) => {
    const now = new Date();
    const lifted = await tx.ban.updateMany({ where: { id: banId, liftedAt: null }, data: { liftedAt: now, liftedById: actor.id } });
    if (lifted.count === 0) {
      const ban = await tx.ban.findUnique({ where: { id: banId }, select: { liftedBy: { select: { name: true } } } });
      if (!ban) throw new AppError("not_found", "That ban does not exist.");
      throw new AppError("conflict", `This ban was already lifted${ban.liftedBy ? ` by ${ban.liftedBy.name}` : ""}.`);
    }
    const ban = await tx.ban.findUniqueOrThrow({ where: { id: banId }, select: { email: true, ipHash: true, reason: true } });
    await recordAudit(tx, [
      {
        actorId: actor.id,
        action: "ban.lift",
        targetType: "ban",
        targetId: banId,
        before: { active: true, email: ban.email, ipHash: ban.ipHash, reason: ban.reason },
        after: { active: false, email: ban.email, ipHash: ban.ipHash },
      },
    ]);
  });
}

export type BanListFilter = "active" | "lifted" | "all";

export interface BanRow {
  id: string;
  email: string | null;
  ipHash: string | null;
  reason: string;
  createdAt: Date;
  createdBy: string | null;
  liftedAt: Date | null;
  liftedBy: string | null;
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listBans(filter: BanListFilter, cursor: string | null, limit = 50): Promise<{ items: BanRow[]; nextCursor: string | null }> {
  const after = cursor ? decodeKeysetCursor(cursor) : null;
  const rows = await db.ban.findMany({
    where: {
      ...(filter === "active" ? { liftedAt: null } : filter === "lifted" ? { liftedAt: { not: null } } : {}),
      ...(after ? { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      email: true,
      ipHash: true,
      reason: true,
      createdAt: true,
      liftedAt: true,
      createdBy: { select: { name: true } },
      liftedBy: { select: { name: true } },
    },
  });
  const page = rows.slice(0, limit).map(({ createdBy, liftedBy, ...row }) => ({
    ...row,
    createdBy: createdBy?.name ?? null,
    liftedBy: liftedBy?.name ?? null,
  }));
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null };
}

export function countActiveBans(): Promise<number> {
  return db.ban.count({ where: { liftedAt: null } });
}
