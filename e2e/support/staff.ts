import type { Role } from "../../lib/generated/prisma/enums";

/**
 * The staff accounts the e2e database is seeded with: the admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD and the demo staff, who share that password.
 */
const password = "e2e-staff-password-2026";

export const e2eStaff: Record<Role, { email: string; password: string; name: string }> = {
  ADMIN: { email: "admin@newsroom.example", password, name: "Site Admin" },
  EDITOR: { email: "editor@newsroom.example", password, name: "Nadia Haddad" },
  WRITER: { email: "writer@newsroom.example", password, name: "Tom Reyes" },
  MODERATOR: { email: "moderator@newsroom.example", password, name: "Priya Nair" },
};

export const storageStatePath = (role: Role) => `e2e/.auth/${role.toLowerCase()}.json`;
