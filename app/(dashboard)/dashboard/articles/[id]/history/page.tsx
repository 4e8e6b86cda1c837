import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import ui from "@/components/dashboard/desk-ui.module.css";
import { StatusBadge } from "@/components/dashboard/status-badge";
import styles from "@/components/editor/history.module.css";
import { RestoreRevisionButton } from "@/components/editor/restore-revision-button";
import { RevisionDiffView } from "@/components/editor/revision-diff";
import fieldStyles from "@/components/ui/field.module.css";
import { revisionLine } from "@/lib/article-labels";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { AppError } from "@/lib/errors";
import { canEditArticle } from "@/lib/article-access";
import { compareRevisions, listRevisions } from "@/lib/services/revisions";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  }
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser("article:draft", `/dashboard/articles/${id}/history`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const timeZone = await getTimeZone();
  const query = await searchParams;
  const { article, revisions } = await orNotFound(listRevisions(user, id));
  const latest = revisions[0];
  const byId = (value: string | undefined) => revisions.find((revision) => revision.id === value);
  const numberOf = (revisionId: string) => byId(revisionId)?.number ?? "?";
  const to = byId(single(query.to)) ?? latest;
  const from = byId(single(query.from)) ?? revisions.find((revision) => to && revision.version < to.version) ?? to;
  const comparison = from && to && from.id !== to.id ? await orNotFound(compareRevisions(user, id, from.id, to.id)) : null;
  const editable = canEditArticle(user, { ...article, bylineIds: article.bylines.map((byline) => byline.userId) });

  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <p className={ui.crumbs}>
            <Link href="/dashboard/articles">Stories</Link> / <Link href={`/dashboard/articles/${id}`}>{article.title}</Link>
          </p>
          <h1 className={ui.pageTitle}>History</h1>
          <p className={ui.pageLede}>
            Every save is kept (one person’s autosaves in a row count as one version). Compare any two versions, or restore one: restoring saves it again as the newest version, so nothing is lost.
          </p>
        </div>
        <StatusBadge status={article.status} deleted={article.deletedAt !== null} />
      </div>

      <div className={styles.layout}>
        <div>
          {revisions.length > 1 ? (
            <form method="get" className={`${ui.panel} ${styles.compare}`} aria-label="Choose versions to compare">
              <div className={fieldStyles.field}>
                <label htmlFor="compare-from" className={fieldStyles.label}>
                  Older version
                </label>
                <select id="compare-from" name="from" className={fieldStyles.input} defaultValue={comparison?.from.id ?? from?.id}>
                  {revisions.map((revision) => (
                    <option key={revision.id} value={revision.id}>
                      Version {revision.number} · {revisionLine(revision.kind, revision.authorName)} · {formatDateTime(revision.createdAt, timeZone)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={fieldStyles.field}>
                <label htmlFor="compare-to" className={fieldStyles.label}>
                  Newer version
                </label>
                <select id="compare-to" name="to" className={fieldStyles.input} defaultValue={comparison?.to.id ?? to?.id}>
                  {revisions.map((revision) => (
                    <option key={revision.id} value={revision.id}>
                      Version {revision.number} · {revisionLine(revision.kind, revision.authorName)} · {formatDateTime(revision.createdAt, timeZone)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={ui.button}>
                Compare
              </button>
            </form>
          ) : null}

          <section aria-labelledby="diff-heading" className={styles.diffSection}>
            {comparison ? (
              <>
                <h2 id="diff-heading" className={ui.panelTitle}>
                  Changes from version {numberOf(comparison.from.id)} to version {numberOf(comparison.to.id)}
                </h2>
                <p className={styles.legend}>
                  <span>
                    <ins className={styles.added}>Added text</ins>
                  </span>
                  <span>
                    <del className={styles.removed}>Removed text</del>
                  </span>
                </p>
                <RevisionDiffView diff={comparison.diff} />
              </>
            ) : (
              <>
                <h2 id="diff-heading" className={ui.panelTitle}>
                  Changes
                </h2>
                <p className={ui.muted}>{revisions.length > 1 ? "Pick two different versions to compare." : "This story has one version so far."}</p>
              </>
            )}
          </section>
        </div>

        <section className={ui.panel} aria-labelledby="revisions-heading">
          <h2 id="revisions-heading" className={ui.panelTitle}>
            Versions
          </h2>
          <ol className={styles.revisions} aria-label="Versions, newest first">
            {revisions.map((revision) => (
              <li key={revision.id}>
                <div>
                  <span className={styles.revisionWho}>
                    Version {revision.number}: {revisionLine(revision.kind, revision.authorName)}
                  </span>
                  {revision.note ? (
                    <q className={styles.revisionNote} dir="auto">
                      {revision.note}
                    </q>
                  ) : null}
                  <span className={styles.revisionWhen}>
                    <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt, timeZone)}</time>
                  </span>
                  {revision.id !== latest?.id && latest ? (
                    <Link href={`?from=${revision.id}&to=${latest.id}`} className={ui.rowMeta}>
                      Compare with the current version
                    </Link>
                  ) : null}
                </div>
                {revision.id === latest?.id ? (
                  <span className={styles.current}>Current</span>
                ) : editable ? (
                  <RestoreRevisionButton
                    articleId={id}
                    revisionId={revision.id}
                    version={article.version}
                    label={`Restore version ${revision.number}`}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
