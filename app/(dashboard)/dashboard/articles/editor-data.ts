import "server-only";
import { emptyDocument } from "@/lib/rich-text/render";
import type { EditorCitation } from "@/components/editor/citations-editor";
import type { EditorInitial } from "@/components/editor/article-editor";
import type { EditorArticle } from "@/lib/services/articles";
import { sourceChoicesByIds } from "@/lib/services/sources";
import type { StaffUser } from "@/lib/services/users";
import { slugLooksMadeFromTitle } from "@/lib/slug";
import { mediaUrl } from "@/lib/storage/urls";
import type { JSONContent } from "@tiptap/core";

/** What the editor starts from: a stored story, or an empty one bylined to its author. */

export function newStoryInitial(user: StaffUser): EditorInitial {
  return {
    id: null,
    version: null,
    status: "DRAFT",
    deleted: false,
    title: "",
    dek: "",
    slug: "",
    slugFollowsTitle: true,
    sectionId: "",
    tags: "",
    bylines: [{ id: user.id, name: user.name }],
    image: null,
    imageAlt: "",
    imageCaption: "",
    imageCredit: "",
    body: emptyDocument,
    citations: [],
    publishedAt: null,
    scheduledFor: null,
    lastSave: null,
    sentBack: null,
  };
}

export async function storedStoryInitial(article: EditorArticle): Promise<EditorInitial> {
  const ids = article.citations.flatMap((citation) => (citation.viaSourceId ? [citation.sourceId, citation.viaSourceId] : [citation.sourceId]));
  const sources = new Map((await sourceChoicesByIds([...new Set(ids)])).map((source) => [source.id, source]));
  const citations: EditorCitation[] = article.citations.flatMap((citation) => {
    const source = sources.get(citation.sourceId);
    if (!source) return [];
    return [
      {
        key: citation.id,
        source,
        via: citation.viaSourceId ? (sources.get(citation.viaSourceId) ?? null) : null,
        claim: citation.claim,
        factKey: citation.factKey ?? "",
        factValue: citation.factValue ?? "",
        reportUrl: citation.reportUrl ?? "",
      },
    ];
  });
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    deleted: article.deletedAt !== null,
    title: article.title,
    dek: article.dek,
    slug: article.slug,
    // Recorded on every save; stories saved before that are judged by their slug.
    slugFollowsTitle: article.slugFollowsTitle ?? slugLooksMadeFromTitle(article.slug, article.title),
    sectionId: article.sectionId ?? "",
    tags: article.tags.map((entry) => entry.tag.name).join(", "),
    bylines: article.bylines.map((byline) => ({ id: byline.user.id, name: byline.user.name })),
    image: article.featuredImage
      ? { id: article.featuredImage.id, url: mediaUrl(article.featuredImage.key), width: article.featuredImage.width, height: article.featuredImage.height }
      : null,
    imageAlt: article.imageAlt,
    imageCaption: article.imageCaption,
    imageCredit: article.imageCredit,
    body: (article.body ?? emptyDocument) as JSONContent,
    citations,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    scheduledFor: article.scheduledFor?.toISOString() ?? null,
    lastSave: article.lastSave ? { authorName: article.lastSave.authorName, at: article.lastSave.at.toISOString(), kind: article.lastSave.kind } : null,
    sentBack: article.sentBack
      ? { note: article.sentBack.note ?? "", by: article.sentBack.author?.name ?? null, at: article.sentBack.createdAt.toISOString() }
      : null,
  };
}
