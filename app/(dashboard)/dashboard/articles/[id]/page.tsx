import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { CorrectionsPanel } from "@/components/editor/corrections-panel";
import ui from "@/components/dashboard/desk-ui.module.css";
import { RestoreFromTrash } from "@/components/dashboard/restore-from-trash";
import { requirePageUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { editorActions, type EditorAction } from "@/lib/editor-messages";
import { can } from "@/lib/permissions";
import { getArticleForEditor, listBylineChoices, listSectionChoices, type EditorArticle } from "@/lib/services/articles";
import type { StaffUser } from "@/lib/services/users";
import { storedStoryInitial } from "../editor-data";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(user: StaffUser, id: string): Promise<EditorArticle> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getArticleForEditor(user, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  }
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser("article:draft", `/dashboard/articles/${id}`);
  const [article, query] = await Promise.all([load(user, id), searchParams]);
  const [sections, bylineChoices, initial] = await Promise.all([listSectionChoices(), listBylineChoices(), storedStoryInitial(article)]);
  // Leavers keep their byline on old stories, so they stay choosable here.
  const choices = [...bylineChoices, ...initial.bylines.filter((person) => !bylineChoices.some((choice) => choice.id === person.id))];
  const editsAny = can(user.role, "article:edit-any");
  const doneAction = editorActions.find((action) => action === query.done) as EditorAction | undefined;
  const done = doneAction && typeof query.at === "string" ? { action: doneAction, at: query.at } : null;

  return (
    <>
      {query.restored ? (
        <p className={ui.notice} role="status">
          Version {query.restored} was restored as a new revision.
        </p>
      ) : null}
      {query.undeleted ? (
        <p className={ui.notice} role="status">
          The story is out of the trash.
        </p>
      ) : null}
      {article.deletedAt ? (
        <div className={ui.noticeError} role="status">
          <p>This story is in the trash: readers cannot see it and it cannot be edited.</p>
          {can(user.role, "article:publish") ? <RestoreFromTrash id={article.id} label="Restore from trash" /> : null}
        </div>
      ) : null}
      <ArticleEditor
        key={article.id}
        initial={initial}
        userId={user.id}
        sections={sections}
        bylineChoices={choices}
        canEdit={article.canEdit}
        canPublish={can(user.role, "article:publish")}
        otherEditor={article.otherEditor}
        done={done}
      >
        {editsAny && article.publishedAt && !article.deletedAt ? <CorrectionsPanel articleId={article.id} corrections={article.corrections} /> : null}
      </ArticleEditor>
    </>
  );
}
