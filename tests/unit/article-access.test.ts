import { describe, expect, test } from "vitest";
import { canEditArticle, canViewArticle, type AccessSubject } from "@/lib/article-access";
import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";

const me = "11111111-1111-7111-8111-111111111111";
const someoneElse = "22222222-2222-7222-8222-222222222222";

type Relation = "created it" | "has a byline" | "no relation";

function story(status: ArticleStatus, relation: Relation, deleted = false): AccessSubject {
  return {
    status,
    createdById: relation === "created it" ? me : someoneElse,
    bylineIds: relation === "has a byline" ? [someoneElse, me] : [someoneElse],
    deletedAt: deleted ? new Date() : null,
  };
}

const statuses: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"];
const relations: Relation[] = ["created it", "has a byline", "no relation"];

describe("who may change which story", () => {
  // Editors and admins: every story that is not in the trash.
  test.each((["ADMIN", "EDITOR"] as Role[]).flatMap((role) => statuses.flatMap((status) => relations.map((relation) => [role, status, relation] as const))))(
    "%s, %s story they %s → may edit",
    (role, status, relation) => {
      expect(canEditArticle({ id: me, role }, story(status, relation))).toBe(true);
      expect(canViewArticle({ id: me, role }, story(status, relation))).toBe(true);
    },
  );

  // Writers: their own stories, and only until an editor takes them live.
  test.each(
    statuses.flatMap((status) =>
      relations.map((relation) => [status, relation, relation !== "no relation" && (status === "DRAFT" || status === "IN_REVIEW")] as const),
    ),
  )("WRITER, %s story they %s → may edit: %s", (status, relation, allowed) => {
    expect(canEditArticle({ id: me, role: "WRITER" }, story(status, relation))).toBe(allowed);
    expect(canViewArticle({ id: me, role: "WRITER" }, story(status, relation))).toBe(relation !== "no relation");
  });

  test.each(statuses)("MODERATOR never opens a story in the editor (%s)", (status) => {
    expect(canViewArticle({ id: me, role: "MODERATOR" }, story(status, "created it"))).toBe(false);
    expect(canEditArticle({ id: me, role: "MODERATOR" }, story(status, "created it"))).toBe(false);
  });

  test("nobody edits a story in the trash; editors can still open it to restore it", () => {
    expect(canEditArticle({ id: me, role: "EDITOR" }, story("PUBLISHED", "created it", true))).toBe(false);
    expect(canViewArticle({ id: me, role: "EDITOR" }, story("PUBLISHED", "created it", true))).toBe(true);
    expect(canViewArticle({ id: me, role: "WRITER" }, story("DRAFT", "created it", true))).toBe(false);
  });
});
