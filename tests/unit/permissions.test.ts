import { describe, expect, test } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, permissions, type Permission } from "@/lib/permissions";

// PRODUCT.md's "Roles and permissions" table, written out row by row.
const table: [Permission, Record<Role, boolean>][] = [
  ["dashboard:enter", { ADMIN: true, EDITOR: true, WRITER: true, MODERATOR: true }],
  ["article:draft", { ADMIN: true, EDITOR: true, WRITER: true, MODERATOR: false }],
  ["article:edit-any", { ADMIN: true, EDITOR: true, WRITER: false, MODERATOR: false }],
  ["article:publish", { ADMIN: true, EDITOR: true, WRITER: false, MODERATOR: false }],
  ["source:create", { ADMIN: true, EDITOR: true, WRITER: true, MODERATOR: false }],
  ["source:manage", { ADMIN: true, EDITOR: true, WRITER: false, MODERATOR: false }],
  ["comment:moderate", { ADMIN: true, EDITOR: true, WRITER: false, MODERATOR: true }],
  ["commenter:ban", { ADMIN: true, EDITOR: true, WRITER: false, MODERATOR: true }],
  ["user:manage", { ADMIN: true, EDITOR: false, WRITER: false, MODERATOR: false }],
  ["settings:manage", { ADMIN: true, EDITOR: false, WRITER: false, MODERATOR: false }],
];

describe("the permission table", () => {
  test("covers every permission the app defines", () => {
    expect(table.map(([permission]) => permission).sort()).toEqual(Object.keys(permissions).sort());
  });

  test.each(table.flatMap(([permission, roles]) => Object.entries(roles).map(([role, allowed]) => [permission, role as Role, allowed] as const)))(
    "%s for %s is %s",
    (permission, role, allowed) => {
      expect(can(role, permission)).toBe(allowed);
    },
  );
});
