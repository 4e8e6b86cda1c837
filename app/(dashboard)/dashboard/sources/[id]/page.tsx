import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import ui from "@/components/dashboard/desk-ui.module.css";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { DeleteSourceForm } from "@/components/sources/delete-source-form";
import { MergeSourceForm } from "@/components/sources/merge-source-form";
import { SourceForm } from "@/components/sources/source-form";
import styles from "@/components/sources/sources.module.css";
import { requirePageUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { getSource } from "@/lib/services/sources";

export const metadata: Metadata = { title: "Edit source" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditSourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageUser("source:manage", `/dashboard/sources/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const query = await searchParams;
  const source = await getSource(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const uses = source._count.citations + source._count.relayedClaims;

  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <p className={ui.crumbs}>
            <Link href="/dashboard/sources">Sources</Link>
          </p>
          <h1 className={ui.pageTitle} dir="auto">
            {source.name}
          </h1>
          <p className={ui.pageLede}>Cited in {plural(uses, "claim")}. Changes show on every story that cites it.</p>
        </div>
      </div>
      {query.merged !== undefined ? (
        <p className={ui.notice} role="status">
          Merged: {plural(Number(query.merged) || 0, "citation")} now point{Number(query.merged) === 1 ? "s" : ""} here.
        </p>
      ) : null}
      <div className={styles.layout}>
        <SourceForm
          source={{
            id: source.id,
            name: source.name,
            shortName: source.shortName,
            kind: source.kind,
            url: source.url ?? "",
            description: source.description,
            notes: source.notes,
          }}
        />
        <div className={ui.stack}>
          <section className={ui.panel} aria-labelledby="cited-heading">
            <h2 id="cited-heading" className={ui.panelTitle}>
              Latest claims citing it
            </h2>
            {source.citations.length === 0 ? (
              <p className={ui.muted}>No story cites this source directly.</p>
            ) : (
              <ul className={ui.list}>
                {source.citations.map((citation) => (
                  <li key={citation.id}>
                    <Link href={`/dashboard/articles/${citation.article.id}`}>{citation.article.title}</Link>{" "}
                    <StatusBadge status={citation.article.status} deleted={citation.article.deletedAt !== null} />
                    <span className={`${ui.rowMeta} ${styles.claim}`}>“{citation.claim}”</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={ui.panel} aria-labelledby="merge-heading">
            <h2 id="merge-heading" className={ui.panelTitle}>
              Merge a duplicate
            </h2>
            <p className={ui.muted}>If this entry duplicates another, merge it into the one to keep: its citations move there and this entry is removed.</p>
            <MergeSourceForm id={source.id} name={source.name} uses={uses} />
          </section>
          {uses === 0 ? (
            <section className={ui.panel} aria-labelledby="delete-heading">
              <h2 id="delete-heading" className={ui.panelTitle}>
                Delete
              </h2>
              <p className={ui.muted}>No story cites this source, so it can be deleted.</p>
              <DeleteSourceForm id={source.id} name={source.name} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
