/** What a field rule decided: a value (with a note for the report when it is worth naming), or a reason to skip. */
export type Outcome<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

export const kept = <T>(value: T, note?: string): Outcome<T> => (note ? { ok: true, value, note } : { ok: true, value });
export const refused = <T = never>(reason: string): Outcome<T> => ({ ok: false, reason });
