import type { Metadata } from "next";
import Link from "next/link";
import ui from "@/components/dashboard/desk-ui.module.css";
import styles from "@/components/sources/sources.module.css";
import fieldStyles from "@/components/ui/field.module.css";
import { requirePageUser } from "@/lib/auth";
import { plural } from "@/lib/format";
import { can } from "@/lib/permissions";
import { sourceDisplayName, sourceKindLabels } from "@/lib/source-labels";
import { listSources } from "@/lib/services/sources";
import { sourceKinds, sourceSearchSchema } from "@/lib/validation/source";

export const metadata: Metadata = { title: "Sources" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function SourcesPage({ searchParams }: Props) {
  const user = await requirePageUser("source:create", "/dashboard/sources");
  const raw = await searchParams;
  const filter = sourceSearchSchema.parse({ q: single(raw.q) ?? "", kind: single(raw.kind), cursor: single(raw.cursor) });
  const page = await listSources(filter);
  const manages = can(user.role, "source:manage");
  const next = new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.kind ? { kind: filter.kind } : {}) });

  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Sources</h1>
          <p className={ui.pageLede}>The registry of who our stories cite. Notes here are for staff only and never reach readers.</p>
        </div>
        <Link href="/dashboard/sources/new" className={ui.button}>
          New source
        </Link>
      </div>
      {raw.added ? (
        <p className={ui.notice} role="status">
          Source added to the registry.
        </p>
      ) : null}
      {raw.deleted ? (
        <p className={ui.notice} role="status">
          Source deleted.
        </p>
      ) : null}

      <form className={ui.filters} method="get" role="search" aria-label="Search sources">
        <div className={`${fieldStyles.field} ${ui.grow}`}>
          <label htmlFor="sources-q" className={fieldStyles.label}>
            Name contains
          </label>
          <input id="sources-q" name="q" type="search" className={fieldStyles.input} defaultValue={filter.q} />
        </div>
        <div className={fieldStyles.field}>
          <label htmlFor="sources-kind" className={fieldStyles.label}>
            Kind
          </label>
          <select id="sources-kind" name="kind" className={fieldStyles.input} defaultValue={filter.kind ?? ""}>
            <option value="">Any kind</option>
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {sourceKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className={ui.filterActions}>
          <button type="submit" className={ui.button}>
            Search
          </button>
          {filter.q || filter.kind ? (
            <Link href="/dashboard/sources" className={ui.buttonSecondary}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className={ui.empty}>{filter.q || filter.kind ? "No source matches." : "The registry is empty. Add the first source."}</p>
      ) : (
        <table className={ui.table} aria-label="Sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Cited</th>
              <th scope="col">Staff notes</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((source) => (
              <tr key={source.id}>
                <td>
                  {manages ? (
                    <Link href={`/dashboard/sources/${source.id}`} className={ui.rowTitle} dir="auto">
                      {sourceDisplayName(source)}
                    </Link>
                  ) : (
                    <span className={ui.rowTitle} dir="auto">
                      {sourceDisplayName(source)}
                    </span>
                  )}
                  {source.kind === "ANONYMOUS" && source.description ? <span className={ui.rowMeta}>Readers see: {source.description}</span> : null}
                  {source.url ? (
                    <span className={ui.rowMeta}>
                      <a href={source.url} rel="noopener noreferrer" target="_blank">
                        {source.url.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                      </a>
                    </span>
                  ) : null}
                </td>
                <td data-label="Kind">{sourceKindLabels[source.kind]}</td>
                <td data-label="Cited" className={ui.nowrap}>
                  {plural(source._count.citations + source._count.relayedClaims, "claim")}
                </td>
                <td data-label="Staff notes">
                  <span className={styles.notes}>{source.notes || <span className={ui.muted}>none</span>}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className={ui.pager} aria-label="Pages">
        {filter.cursor ? (
          <Link href={`/dashboard/sources?${next.toString()}`} className={ui.buttonSecondary}>
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/dashboard/sources?${new URLSearchParams({ ...Object.fromEntries(next), cursor: page.nextCursor }).toString()}`} className={ui.buttonSecondary}>
            Next page →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
