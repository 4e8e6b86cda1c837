import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { revalidateStory, type StoryLocation } from "@/lib/revalidate";
import { footprintOf, storyLocation, type Tx } from "@/lib/services/articles";
import type { StaffUser } from "@/lib/services/users";
import type { SourceInput } from "@/lib/validation/source";

/**
 * The source registry: entries reused across stories, with staff-only notes.
 * Everything here is dashboard-only; public pages read sources through
 * lib/services/public-articles.ts, which never selects `notes`.
 */

type Actor = Pick<StaffUser, "id" | "role">;

export interface SourceChoice {
  id: string;
  name: string;
  shortName: string;
  kind: SourceKind;
  description: string;
}

const choiceSelect = { id: true, name: true, shortName: true, kind: true, description: true } as const satisfies Prisma.SourceSelect;

/** For the editor's source picker: by name or short name, best match first. */
export async function searchSourceChoices(query: string, limit = 12): Promise<SourceChoice[]> {
  const q = query.trim();
  return db.source.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { shortName: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    select: choiceSelect,
  });
}

export function sourceChoicesByIds(ids: readonly string[]): Promise<SourceChoice[]> {
  return ids.length ? db.source.findMany({ where: { id: { in: [...ids] } }, select: choiceSelect }) : Promise.resolve([]);
}

const PAGE_SIZE = 30;

const rowSelect = {
  ...choiceSelect,
  url: true,
  notes: true,
  updatedAt: true,
  _count: { select: { citations: true, relayedClaims: true } },
} as const satisfies Prisma.SourceSelect;

export type RegistryRow = Prisma.SourceGetPayload<{ select: typeof rowSelect }>;

function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    return typeof name === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id) ? { name, id } : null;
  } catch {
    return null;
  }
}

/** The registry, alphabetical, keyset-paginated on (name, id). */
export async function listSources(filter: { q: string; kind?: SourceKind; cursor?: string }) {
  const after = decodeCursor(filter.cursor);
  const rows = await db.source.findMany({
    where: {
      AND: [
        filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { shortName: { contains: filter.q, mode: "insensitive" } }] } : {},
        filter.kind ? { kind: filter.kind } : {},
        after ? { name: { gte: after.name }, OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {},
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PAGE_SIZE + 1,
    select: rowSelect,
  });
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.name, last.id) : null };
}

export async function getSource(id: string) {
  const source = await db.source.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      createdAt: true,
      citations: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: { id: true, claim: true, article: { select: { id: true, title: true, status: true, deletedAt: true } } },
      },
    },
  });
  if (!source) throw new AppError("not_found", "There is no such source.");
  return source;
}

export async function createSource(actor: Actor, input: SourceInput): Promise<SourceChoice> {
  if (!can(actor.role, "source:create")) throw new AppError("forbidden", "You are not allowed to add sources.");
  const duplicate = await db.source.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
  if (duplicate) {
    throw new AppError("conflict", "That source is already in the registry.", {
      name: ["A source with this name is already in the registry: pick it instead of adding it twice."],
    });
  }
  return db.source.create({ data: input, select: choiceSelect });
}

/** Published stories citing any of these sources (directly or as "via"): their pages show the source. */
async function revalidateCitingStories(client: Tx, sourceIds: readonly string[]) {
  const articles = await client.article.findMany({
    where: {
      status: "PUBLISHED",
      deletedAt: null,
      citations: { some: { OR: [{ sourceId: { in: [...sourceIds] } }, { viaSourceId: { in: [...sourceIds] } }] } },
    },
    select: { id: true },
  });
  const locations: StoryLocation[] = [];
  for (const article of articles) {
    const footprint = await footprintOf(client, article.id);
    const location = footprint && storyLocation(footprint, footprint);
    if (location) locations.push(location);
  }
  return () => Promise.all(locations.map(revalidateStory));
}

export async function updateSource(actor: Actor, id: string, input: SourceInput): Promise<void> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only editors can change registry entries.");
  const duplicate = await db.source.findFirst({
    where: { id: { not: id }, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (duplicate) {
    throw new AppError("conflict", "Another source has that name.", {
      name: ["Another source already has this name. If they are the same source, merge them instead."],
    });
  }
  const updated = await db.source.updateMany({ where: { id }, data: input });
  if (updated.count === 0) throw new AppError("not_found", "There is no such source.");
  await (await revalidateCitingStories(db, [id]))();
}

/**
 * Folds a duplicate into the entry to keep: its citations (and the claims it
 * relayed) move over, revisions that mention it are rewritten so history stays
 * restorable, then the duplicate is removed. All in one transaction.
 */
export async function mergeSources(actor: Actor, duplicateId: string, keepId: string): Promise<{ movedCitations: number }> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only editors can merge sources.");
  const outcome = await db.$transaction(async (tx) => {
    const duplicate = await tx.source.findUnique({ where: { id: duplicateId }, select: { id: true } });
    const keep = await tx.source.findUnique({ where: { id: keepId }, select: { id: true } });
    if (!duplicate) throw new AppError("not_found", "The source to merge no longer exists.");
    if (!keep) throw new AppError("invalid_input", "Pick the source to keep.", { intoId: ["That source no longer exists."] });

    const moved = await tx.citation.updateMany({ where: { sourceId: duplicateId }, data: { sourceId: keepId } });
    const relayed = await tx.citation.updateMany({ where: { viaSourceId: duplicateId }, data: { viaSourceId: keepId } });
    // "X via X" says nothing: a claim the kept source relayed from its own duplicate is simply its own.
    await tx.citation.updateMany({ where: { sourceId: keepId, viaSourceId: keepId }, data: { viaSourceId: null } });
    // UUIDs are unique strings, so replacing one inside the snapshot text cannot touch anything else.
    await tx.$executeRaw`
      UPDATE "ArticleRevision"
      SET "snapshot" = replace("snapshot"::text, ${duplicateId}, ${keepId})::jsonb
      WHERE "snapshot"::text LIKE ${`%${duplicateId}%`}`;
    const revalidate = await revalidateCitingStories(tx, [keepId]);
    await tx.source.delete({ where: { id: duplicateId } });
    return { movedCitations: moved.count + relayed.count, revalidate };
  });
  await outcome.revalidate();
  return { movedCitations: outcome.movedCitations };
}

/** Only an entry no story cites can be deleted; one in use is merged instead. */
export async function deleteSource(actor: Actor, id: string): Promise<void> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only editors can delete sources.");
  const source = await db.source.findUnique({ where: { id }, select: { _count: { select: { citations: true, relayedClaims: true } } } });
  if (!source) throw new AppError("not_found", "There is no such source.");
  if (source._count.citations + source._count.relayedClaims > 0) {
    throw new AppError("conflict", "Stories cite this source. Merge it into another entry instead of deleting it.");
  }
  try {
    await db.source.delete({ where: { id } });
  } catch (error) {
    // A story cited it between the check and the delete.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2003") {
      throw new AppError("conflict", "A story has just cited this source. Merge it into another entry instead.");
    }
    throw error;
  }
}
