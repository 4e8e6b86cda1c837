export type ImportedStaffRole = "ADMIN" | "EDITOR" | "WRITER";

const rolesByWordPressRole: Record<string, ImportedStaffRole> = {
  administrator: "ADMIN",
  editor: "EDITOR",
  author: "WRITER",
  contributor: "WRITER",
};

/**
 * administrator → ADMIN, editor → EDITOR, author and contributor → WRITER.
 * Any other role (subscriber, shop_manager, a plugin's) — or none, which is
 * every WXR file: WordPress's exporter writes no roles — becomes WRITER, the
 * role with least reach, and is named in the report.
 */
export function staffRole(wordpressRole: string | undefined): { role: ImportedStaffRole; note?: string } {
  const known = wordpressRole ? rolesByWordPressRole[wordpressRole.trim().toLowerCase()] : undefined;
  if (known) return { role: known };
  if (!wordpressRole?.trim()) return { role: "WRITER", note: "the export names no role: imported as a writer" };
  return { role: "WRITER", note: `WordPress role ${JSON.stringify(wordpressRole.trim())} has no match: imported as a writer` };
}

/** WordPress's user_nicename (the author's address) is its login made URL-safe. */
export function authorNicename(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
