/**
 * Opaque cursors for keyset pagination on (timestamp, id): the position of the
 * last row shown, so the next page starts right after it however deep it is.
 * A cursor that does not decode is treated as "from the start".
 */
export function encodeKeysetCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeKeysetCursor(cursor: string): { at: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime()) || !/^(?:[0-9a-f-]{36}|\d{1,19})$/.test(id)) return null;
  return { at, id };
}
