/**
 * Dates as the site prints them. Rendering happens on the server for cached
 * pages, so one fixed time zone (UTC, said so) keeps every reader's page the same.
 */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  hour12: false,
});
const shortDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  hour12: false,
});

export const formatDate = (date: Date) => dateFormat.format(date);
export const formatDateTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;
export const formatShortDateTime = (date: Date) => `${shortDateTime.format(date)} UTC`;

/** "1 thought", "2 thoughts". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Names joined as a reader would say them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
