import type { Metadata } from "next";
import Link from "next/link";
import { SentBackNote } from "@/components/dashboard/sent-back-note";
import { RestoreFromTrash } from "@/components/dashboard/restore-from-trash";
import ui from "@/components/dashboard/desk-ui.module.css";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { TrashStoryButton } from "@/components/dashboard/trash-story-button";
import { statusLabels } from "@/lib/article-labels";
import { requirePageUser } from "@/lib/auth";
import { formatDateTime } from "@/lib/dates";
import { getTimeZone } from "@/lib/services/settings";
import { joinNames } from "@/lib/format";
import { can } from "@/lib/permissions";
import { listAuthorChoices, listDeskArticles, listSectionChoices } from "@/lib/services/articles";
import { articleListFilterSchema, articleStatuses } from "@/lib/validation/article";
import fieldStyles from "@/components/ui/field.module.css";

export const metadata: Metadata = { title: "Stories" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requirePageUser("article:draft", "/dashboard/articles");
  const timeZone = await getTimeZone();
  const raw = await searchParams;
  const filter = articleListFilterSchema.parse({
    status: single(raw.status),
    section: single(raw.section),
    author: single(raw.author),
    q: single(raw.q),
    cursor: single(raw.cursor),
  });
  const editsAll = can(user.role, "article:edit-any");
  // The editor's own trash button asks the same.
  const trashes = can(user.role, "article:publish");
  const [page, sections, authors] = await Promise.all([
    listDeskArticles(user, filter),
    listSectionChoices(),
    editsAll ? listAuthorChoices() : Promise.resolve([]),
  ]);
  const query = (cursor: string | null) => {
    const params = new URLSearchParams();
    for (const key of ["status", "section", "author", "q"] as const) if (filter[key]) params.set(key, filter[key]);
    if (cursor) params.set("cursor", cursor);
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  const filtered = Boolean(filter.status || filter.section || filter.author || filter.q);
  const trashed = single(raw.trashed);

  return (
    <>
      <div className={ui.pageHeader}>
        <div>
          <h1 className={ui.pageTitle}>Stories</h1>
          <p className={ui.pageLede}>{editsAll ? "Every story in the newsroom, most recently changed first." : "Stories you wrote or carry a byline on."}</p>
        </div>
        <Link href="/dashboard/articles/new" className={ui.button}>
          New story
        </Link>
      </div>

      {trashed ? (
        <div className={ui.notice} role="status">
          <p>The story was moved to the trash. Readers can no longer see it.</p>
          <RestoreFromTrash id={trashed} label="Undo" />
        </div>
      ) : null}

      <form className={ui.filters} method="get" role="search" aria-label="Filter stories">
        <div className={`${fieldStyles.field} ${ui.grow}`}>
          <label htmlFor="filter-q" className={fieldStyles.label}>
            Title contains
          </label>
          <input id="filter-q" name="q" type="search" className={fieldStyles.input} defaultValue={filter.q ?? ""} />
        </div>
        <div className={fieldStyles.field}>
          <label htmlFor="filter-status" className={fieldStyles.label}>
            Status
          </label>
          <select id="filter-status" name="status" className={fieldStyles.input} defaultValue={filter.status ?? ""}>
            <option value="">Any status</option>
            {articleStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
            {can(user.role, "article:publish") ? <option value="TRASH">In the trash</option> : null}
          </select>
        </div>
        <div className={fieldStyles.field}>
          <label htmlFor="filter-section" className={fieldStyles.label}>
            Section
          </label>
          <select id="filter-section" name="section" className={fieldStyles.input} defaultValue={filter.section ?? ""}>
            <option value="">Any section</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        {editsAll ? (
          <div className={fieldStyles.field}>
            <label htmlFor="filter-author" className={fieldStyles.label}>
              Author
            </label>
            <select id="filter-author" name="author" className={fieldStyles.input} defaultValue={filter.author ?? ""}>
              <option value="">Anyone</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={ui.filterActions}>
          <button type="submit" className={ui.button}>
            Filter
          </button>
          {filtered ? (
            <Link href="/dashboard/articles" className={ui.buttonSecondary}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className={ui.empty}>{filtered ? "No story matches these filters." : "No stories yet. Start one with New story."}</p>
      ) : (
        <table className={ui.table} aria-label="Stories">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Bylines</th>
              <th scope="col">Section</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/dashboard/articles/${article.id}`} className={ui.rowTitle} dir="auto">
                    {article.title}
                  </Link>
                  {article.editingNow ? (
                    <span className={ui.rowMeta}>
                      <span className={ui.editing}>{article.editingNow === user.name ? "You are editing" : `${article.editingNow} is editing`}</span>
                    </span>
                  ) : null}
                  {article.status === "SCHEDULED" && article.scheduledFor ? (
                    <span className={ui.rowMeta}>Goes live {formatDateTime(article.scheduledFor, timeZone)}</span>
                  ) : null}
                  {article.sentBack && article.status === "DRAFT" ? <SentBackNote sentBack={article.sentBack} /> : null}
                </td>
                <td data-label="Status">
                  <StatusBadge status={article.status} deleted={article.deletedAt !== null} />
                  {article.deletedAt ? (
                    <span className={ui.rowMeta}>
                      <RestoreFromTrash id={article.id} label="Restore" />
                    </span>
                  ) : trashes ? (
                    <span className={ui.rowMeta}>
                      <TrashStoryButton id={article.id} title={article.title} />
                    </span>
                  ) : null}
                </td>
                <td data-label="Bylines">{joinNames(article.bylines.map((byline) => byline.user.name)) || <span className={ui.muted}>none</span>}</td>
                <td data-label="Section">{article.section?.name ?? <span className={ui.muted}>none</span>}</td>
                <td data-label="Updated" className={ui.nowrap}>
                  <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt, timeZone)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className={ui.pager} aria-label="Pages">
        {filter.cursor ? (
          <Link href={`/dashboard/articles${query(null)}`} className={ui.buttonSecondary}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/dashboard/articles${query(page.nextCursor)}`} className={ui.buttonSecondary}>
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
