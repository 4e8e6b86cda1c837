import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/admin/admin.module.css";
import { BanForm } from "@/components/moderation/ban-form";
import { LiftBanButton } from "@/components/moderation/lift-ban-button";
import { ModerationHeader } from "@/components/moderation/moderation-header";
import { queueHref } from "@/components/moderation/queue-url";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { countActiveBans, listBans, type BanListFilter } from "@/lib/services/bans";

export const metadata: Metadata = { title: "Bans" };

type Props = { searchParams: Promise<{ show?: string; cursor?: string }> };

const views: { key: BanListFilter; label: string }[] = [
  { key: "active", label: "Active" },
  { key: "lifted", label: "Lifted" },
  { key: "all", label: "All" },
];

export default async function BansPage({ searchParams }: Props) {
  await requirePageUser("commenter:ban", "/dashboard/moderation/bans");
  const timeZone = await getTimeZone();
  const params = await searchParams;
  const show = views.find((view) => view.key === params.show)?.key ?? "active";
  const [page, active] = await Promise.all([listBans(show, params.cursor ?? null), countActiveBans()]);
  const href = (view: BanListFilter, cursor?: string) => `/dashboard/moderation/bans?show=${view}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;

  return (
    <>
      <ModerationHeader current="bans" title="Bans" lede={`${active.toLocaleString("en")} active. A banned email or IP hash has its new comments sent to Spam.`} />
      <BanForm />
      <ul className={styles.tabs} aria-label="Which bans">
        {views.map((view) => (
          <li key={view.key}>
            <Link href={href(view.key)} aria-current={view.key === show ? "page" : undefined}>
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">{views.find((view) => view.key === show)?.label} bans, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Banned</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={5} className={styles.empty}>
                  {show === "active" ? "Nobody is banned." : "No bans here."}
                </td>
              </tr>
            ) : (
              page.items.map((ban) => {
                const target = [ban.email, ban.ipHash ? `IP hash ${ban.ipHash}` : null].filter(Boolean).join(" and ");
                return (
                  <tr key={ban.id} className={ban.liftedAt ? styles.inactive : undefined}>
                    <td>
                      {ban.email ? (
                        <div>
                          <Link href={queueHref("spam", { author: ban.email })}>{ban.email}</Link>
                        </div>
                      ) : null}
                      {ban.ipHash ? (
                        <div className={styles.mono}>
                          IP <Link href={queueHref("spam", { ip: ban.ipHash })}>{ban.ipHash}</Link>
                        </div>
                      ) : null}
                    </td>
                    <td>{ban.reason || <span className={styles.meta}>—</span>}</td>
                    <td className={styles.nowrap}>
                      {ban.createdBy ?? "—"}
                      <div className={styles.meta}>{formatDateTime(ban.createdAt, timeZone)}</div>
                    </td>
                    <td>
                      {ban.liftedAt ? (
                        <>
                          <span className={styles.pill}>Lifted</span>
                          <div className={styles.meta}>
                            {ban.liftedBy ? `by ${ban.liftedBy}, ` : ""}
                            {formatDateTime(ban.liftedAt, timeZone)}
                          </div>
                        </>
                      ) : (
                        <span className={`${styles.pill} ${styles.pillDanger}`}>Active</span>
                      )}
                    </td>
                    <td>{ban.liftedAt ? null : <LiftBanButton banId={ban.id} target={target} />}</td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {params.cursor || page.nextCursor ? (
        <nav aria-label="Ban pages" className={styles.pager}>
          {params.cursor ? <Link href={href(show)}>← Newest</Link> : <span />}
          {page.nextCursor ? <Link href={href(show, page.nextCursor)}>Older bans →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
