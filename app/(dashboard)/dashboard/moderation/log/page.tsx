import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/admin/admin.module.css";
import { AuditChange } from "@/components/moderation/audit-change";
import { ModerationHeader } from "@/components/moderation/moderation-header";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { auditActionNames, auditActions, auditTargetTypeNames, auditTargetTypes, type AuditAction, type AuditTargetType } from "@/lib/audit-actions";
import { batchSizes, describeAuditTargets, listAuditActors, listAuditLog, type AuditLogRow, type AuditTargets } from "@/lib/services/audit-log";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/moderation";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function logHref(filter: AuditFilter, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/dashboard/moderation/log${query ? `?${query}` : ""}`;
}

function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function Target({ row, targets }: { row: AuditLogRow; targets: AuditTargets }) {
  const typeLabel = auditTargetTypes[row.targetType as AuditTargetType] ?? row.targetType;
  const history = (
    <Link href={logHref({ targetType: row.targetType as AuditTargetType, targetId: row.targetId })} className={styles.meta} title="Everything logged for this">
      history
    </Link>
  );
  if (row.targetType === "comment") {
    const comment = targets.comments.get(row.targetId);
    return comment ? (
      <>
        {comment.isStaff ? "Staff reply" : "Comment"} by <bdi>{comment.authorName}</bdi> on <i>{comment.articleTitle}</i>
        <div className={styles.meta} dir="auto">
          “{excerpt(comment.body)}” · {history}
        </div>
      </>
    ) : (
      <>
        Deleted comment <span className={styles.mono}>{row.targetId.slice(0, 8)}</span> · {history}
      </>
    );
  }
  if (row.targetType === "user") {
    return (
      <>
        {targets.users.get(row.targetId) ?? "Former staff member"} · {history}
      </>
    );
  }
  if (row.targetType === "setting") {
    return (
      <>
        {row.targetId === "moderation" ? "Moderation rules" : row.targetId === "site" ? "Site settings" : row.targetId} · {history}
      </>
    );
  }
  return (
    <>
      {typeLabel} · {history}
    </>
  );
}

export default async function AuditLogPage({ searchParams }: Props) {
  await requirePageUser("comment:moderate", "/dashboard/moderation/log");
  const timeZone = await getTimeZone();
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, first(value)])));
  const cursor = first(params.cursor) ?? null;
  const [page, actors] = await Promise.all([listAuditLog(filter, cursor), listAuditActors()]);
  const [targets, batches] = await Promise.all([
    describeAuditTargets(page.items),
    batchSizes(page.items.flatMap((row) => (row.batchId ? [row.batchId] : []))),
  ]);
  const filtered = Object.values(filter).some(Boolean);

  return (
    <>
      <ModerationHeader
        current="log"
        title="Audit log"
        lede="Every moderation decision, ban and settings or staff change: who, what, when, before → after. Nobody can edit or delete it."
      />
      <form method="get" action="/dashboard/moderation/log" className={styles.filterBar} aria-label="Filter the log">
        <label>
          Who
          <select name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          What
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">Any action</option>
            {auditActionNames.map((action) => (
              <option key={action} value={action}>
                {auditActions[action]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target
          <select name="targetType" defaultValue={filter.targetType ?? ""}>
            <option value="">Anything</option>
            {auditTargetTypeNames.map((type) => (
              <option key={type} value={type}>
                {auditTargetTypes[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target id
          <input name="targetId" defaultValue={filter.targetId ?? ""} maxLength={100} spellCheck={false} />
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
        {filter.batch ? <input type="hidden" name="batch" value={filter.batch} /> : null}
        <button type="submit" className={styles.primary}>
          Filter
        </button>
        {filtered ? (
          <Link href="/dashboard/moderation/log" className={styles.secondary}>
            Clear
          </Link>
        ) : null}
      </form>
      {filter.batch ? (
        <p className={styles.meta}>
          Showing one bulk action. <Link href={logHref({ ...filter, batch: undefined })}>Show everything</Link>
        </p>
      ) : null}

      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">Audit log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={5} className={styles.empty}>
                  {filtered ? "Nothing logged matches these filters." : "Nothing has been logged yet."}
                </td>
              </tr>
            ) : (
              page.items.map((row) => (
                <tr key={row.id}>
                  <td className={styles.nowrap}>
                    <time dateTime={row.createdAt.toISOString()}>
                      {formatDateTime(row.createdAt, timeZone)}
                    </time>
                  </td>
                  <td className={styles.nowrap}>{row.actor?.name ?? "System"}</td>
                  <td>
                    {auditActions[row.action as AuditAction] ?? row.action}
                    {row.batchId ? (
                      <div>
                        <Link href={logHref({ batch: row.batchId })} className={styles.meta}>
                          bulk, {(batches.get(row.batchId) ?? 1).toLocaleString("en")} comments
                        </Link>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <Target row={row} targets={targets} />
                  </td>
                  <td>
                    <AuditChange action={row.action} before={row.before} after={row.after} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {cursor || page.nextCursor ? (
        <nav aria-label="Log pages" className={styles.pager}>
          {cursor ? <Link href={logHref(filter)}>← Newest</Link> : <span />}
          {page.nextCursor ? <Link href={logHref(filter, page.nextCursor)}>Older entries →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
