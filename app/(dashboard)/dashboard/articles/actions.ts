"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { staffCommand, staffFormAction } from "@/lib/actions/staff-action";
import { wakeScheduler } from "@/lib/scheduler/timer";
import {
  addCorrection,
  commitArticle,
  deleteArticle,
  editingHeartbeat,
  removeCorrection,
  undeleteArticle,
  type Transition,
} from "@/lib/services/articles";
import { restoreRevision } from "@/lib/services/revisions";
import { createSource, searchSourceChoices } from "@/lib/services/sources";
import type { StaffUser } from "@/lib/services/users";
import {
  articleIdSchema,
  correctionSchema,
  heartbeatSchema,
  publishArticleSchema,
  removeCorrectionSchema,
  restoreRevisionSchema,
  saveArticleSchema,
  scheduleArticleSchema,
  sendBackArticleSchema,
  unpublishArticleSchema,
} from "@/lib/validation/article";
import { sourceSchema } from "@/lib/validation/source";

/**
 * The editor's actions. Each workflow button has its own action with its own
 * permission, checked here by the wrapper and again, per story, by the
 * service: a WRITER's call to publish is refused even if they forge it.
 */

type SaveInput = z.output<typeof saveArticleSchema>;

function commit(transition: Transition) {
  return ({ id, version, creationKey, ...content }: SaveInput, user: StaffUser) => commitArticle(user, { id, version, creationKey, content, transition });
}

export const saveArticleAction = staffCommand("article:draft", saveArticleSchema, commit("save"));

export const autosaveArticleAction = staffCommand("article:draft", saveArticleSchema, commit("autosave"));

export const submitArticleAction = staffCommand("article:draft", saveArticleSchema, commit("submit"));

/** An editor's verdict "not yet": the story goes back to its writer as a draft, with a note they see on the desk. */
export const sendBackArticleAction = staffCommand("article:publish", sendBackArticleSchema, ({ id, version, note, ...content }, user) =>
  commitArticle(user, { id, version, content, transition: "sendBack", note }),
);

export const publishArticleAction = staffCommand("article:publish", publishArticleSchema, commit("publish"));

export const scheduleArticleAction = staffCommand("article:publish", scheduleArticleSchema, async ({ id, version, creationKey, scheduledFor, ...content }, user) => {
  const saved = await commitArticle(user, { id, version, creationKey, content, transition: "schedule", scheduledFor });
  wakeScheduler(scheduledFor);
  return saved;
});

export const unpublishArticleAction = staffCommand("article:publish", unpublishArticleSchema, ({ id, version, ...content }, user) =>
  commitArticle(user, { id, version, content, transition: "unpublish" }),
);

export const deleteArticleAction = staffCommand("article:publish", articleIdSchema, ({ id }, user) => deleteArticle(user, id));

export const undeleteArticleAction = staffCommand("article:publish", articleIdSchema, ({ id }, user) => undeleteArticle(user, id));

export const heartbeatAction = staffCommand("article:draft", heartbeatSchema, ({ id, editing }, user) => editingHeartbeat(user, id, editing));

export const searchSourcesAction = staffCommand("source:create", z.object({ q: z.string().max(200) }), ({ q }) => searchSourceChoices(q));

export const createSourceInlineAction = staffCommand("source:create", sourceSchema, (input, user) => createSource(user, input));

export const restoreRevisionAction = staffFormAction("article:draft", restoreRevisionSchema, async ({ id, revisionId, version }, user) => {
  const restored = await restoreRevision(user, id, revisionId, version);
  redirect(`/dashboard/articles/${id}?restored=${restored.restoredVersion}`);
});

export const addCorrectionAction = staffFormAction("article:edit-any", correctionSchema, async ({ articleId, text }, user) => {
  await addCorrection(user, articleId, text);
  revalidatePath(`/dashboard/articles/${articleId}`);
  return { status: "success", message: "Correction added. It shows on the story now." };
});

export const removeCorrectionAction = staffFormAction(
  "article:edit-any",
  removeCorrectionSchema.extend({ articleId: z.uuid() }),
  async ({ id, articleId }, user) => {
    await removeCorrection(user, id);
    revalidatePath(`/dashboard/articles/${articleId}`);
    return { status: "success", message: "Correction removed." };
  },
);
