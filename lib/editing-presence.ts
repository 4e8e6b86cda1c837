/**
 * "Tom Reyes also has this story open": each open editor sends a heartbeat,
 * and counts as open until a little after its last one. Closing the tab ends
 * the mark at once where the browser allows (a pagehide beacon); the expiry
 * is the guarantee for the rest (a crash, a dropped connection, a laptop lid).
 * The browser and the server both read these numbers.
 */

/** How often an open editor tells the server it is still open. */
export const EDITING_HEARTBEAT_MS = 15_000;

/**
 * Three heartbeats: one lost request does not make the notice flicker, and a
 * closed editor stops counting well within a minute of its last heartbeat.
 */
export const EDITING_TTL_MS = 45_000;

/** Is a heartbeat seen at `seenAt` still a sign of an open editor at `now`? */
export function isEditingFresh(seenAt: Date | null, now: number): boolean {
  return seenAt !== null && now - seenAt.getTime() < EDITING_TTL_MS;
}

/** Where a closing editor's beacon goes (app/api/articles/[id]/leave). */
export const editorLeavePath = (articleId: string) => `/api/articles/${articleId}/leave`;
