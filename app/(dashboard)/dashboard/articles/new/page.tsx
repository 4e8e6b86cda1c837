import type { Metadata } from "next";
import { ArticleEditor } from "@/components/editor/article-editor";
import { requirePageUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { listBylineChoices, listSectionChoices } from "@/lib/services/articles";
import { newStoryInitial } from "../editor-data";

export const metadata: Metadata = { title: "New story" };

export default async function NewArticlePage() {
  const user = await requirePageUser("article:draft", "/dashboard/articles/new");
  const [sections, bylineChoices] = await Promise.all([listSectionChoices(), listBylineChoices()]);
  return (
    <ArticleEditor
      initial={newStoryInitial(user)}
      userId={user.id}
      sections={sections}
      bylineChoices={bylineChoices}
      canEdit
      canPublish={can(user.role, "article:publish")}
      otherEditor={null}
    />
  );
}
