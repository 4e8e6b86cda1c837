"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffFormAction } from "@/lib/actions/staff-action";
import { changeRole, createStaff, resetPassword, setActive } from "@/lib/services/staff";
import { changeRoleSchema, createStaffSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/staff";

export const createStaffAction = staffFormAction("user:manage", createStaffSchema, async (input, user) => {
  const created = await createStaff(input, user);
  revalidatePath("/dashboard/users");
  redirect(`/dashboard/users/${created.id}?created=1`);
});

export const changeRoleAction = staffFormAction("user:manage", changeRoleSchema, async (input, user) => {
  const result = await changeRole(input, user);
  revalidatePath("/dashboard/users", "layout");
  return { status: "success", message: result.changed ? "Role changed. Their current sessions have ended." : "That is already their role." };
});

export const setActiveAction = staffFormAction("user:manage", setActiveSchema, async (input, user) => {
  const result = await setActive(input, user);
  revalidatePath("/dashboard/users", "layout");
  const message = input.active ? "Account reactivated. They can sign in again." : "Account deactivated. They have been signed out everywhere.";
  return { status: "success", message: result.changed ? message : "Nothing changed." };
});

export const resetPasswordAction = staffFormAction("user:manage", resetPasswordSchema, async (input, user) => {
  await resetPassword(input, user);
  revalidatePath("/dashboard/users", "layout");
  return { status: "success", message: "Password reset. Their current sessions have ended; share the new password with them privately." };
});
