import type { Role } from "@/lib/generated/prisma/enums";

export const roleLabels: Record<Role, string> = {
  ADMIN: "Admin",
  EDITOR: "Editor",
  WRITER: "Writer",
  MODERATOR: "Moderator",
};
