import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what: PRODUCT.md's "Roles and permissions" table, in one place.
 * Every server action, route handler and protected page asks `can()` (through
 * the helpers in lib/auth.ts); hiding a button is never the check.
 */
export const permissions = {
  "dashboard:enter": ["ADMIN", "EDITOR", "WRITER", "MODERATOR"],
  /** Create drafts, edit one's own drafts, submit them for review. */
  "article:draft": ["ADMIN", "EDITOR", "WRITER"],
  /** Edit any article, in any state. */
  "article:edit-any": ["ADMIN", "EDITOR"],
  /** Publish, schedule, unpublish, delete and restore. */
  "article:publish": ["ADMIN", "EDITOR"],
  "source:create": ["ADMIN", "EDITOR", "WRITER"],
  /** Edit, merge and delete registry entries. */
  "source:manage": ["ADMIN", "EDITOR"],
  "comment:moderate": ["ADMIN", "EDITOR", "MODERATOR"],
  "commenter:ban": ["ADMIN", "EDITOR", "MODERATOR"],
  "user:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
