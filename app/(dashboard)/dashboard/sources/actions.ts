"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffFormAction } from "@/lib/actions/staff-action";
import { createSource, deleteSource, mergeSources, updateSource } from "@/lib/services/sources";
import { mergeSourceSchema, sourceIdSchema, sourceSchema, updateSourceSchema } from "@/lib/validation/source";

/** The source registry's forms. Writers may add entries; changing, merging and deleting them is for editors. */

export const createSourceAction = staffFormAction("source:create", sourceSchema, async (input, user) => {
  const source = await createSource(user, input);
  redirect(`/dashboard/sources?added=${source.id}`);
});

export const updateSourceAction = staffFormAction("source:manage", updateSourceSchema, async ({ id, ...input }, user) => {
  await updateSource(user, id, input);
  revalidatePath(`/dashboard/sources/${id}`);
  return { status: "success", message: "Source saved. Stories citing it show the change now." };
});

export const mergeSourceAction = staffFormAction("source:manage", mergeSourceSchema, async ({ id, intoId }, user) => {
  const { movedCitations } = await mergeSources(user, id, intoId);
  redirect(`/dashboard/sources/${intoId}?merged=${movedCitations}`);
});

export const deleteSourceAction = staffFormAction("source:manage", sourceIdSchema, async ({ id }, user) => {
  await deleteSource(user, id);
  redirect("/dashboard/sources?deleted=1");
});
