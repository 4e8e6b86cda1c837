/**
 * Dates as the newsroom prints them, everywhere: the public site, the
 * dashboard, the editor and the schedule picker. One style ("4 Dec 2026,
 * 21:16 GMT+3"), always in the newsroom's own time zone (a site setting) and
 * with that zone named, so a reader, a writer abroad and the editor on the
 * desk all read the same moment the same way. Server components and client
 * components import this module alike; nothing here uses the machine's or the
 * browser's own zone.
 */

export const DEFAULT_TIME_ZONE = "UTC";

const LOCALE = "en-GB";

// Intl.DateTimeFormat is costly to build and these run for every date on a page: one per zone and style.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(style: "date" | "dateTime" | "time" | "zone" | "parts", timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone };
    if (style === "date" || style === "dateTime") Object.assign(options, { day: "numeric", month: "short", year: "numeric" });
    if (style === "dateTime" || style === "time") Object.assign(options, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    if (style === "zone") Object.assign(options, { timeZoneName: "short" });
    if (style === "parts") {
      Object.assign(options, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    }
    format = new Intl.DateTimeFormat(style === "parts" ? "en-US" : LOCALE, options);
    formats.set(key, format);
  }
  return format;
}

/** "4 Dec 2026": the day, as the newsroom's zone has it. */
export function formatDate(date: Date, timeZone: string): string {
  return formatFor("date", timeZone).format(date);
}

/** "4 Dec 2026, 21:16 GMT+3". */
export function formatDateTime(date: Date, timeZone: string): string {
  return formatFor("dateTime", timeZone).format(date);
}

/** "21:16 GMT+3": for moments the reader knows are today (an autosave a minute ago). */
export function formatTime(date: Date, timeZone: string): string {
  return formatFor("time", timeZone).format(date);
}

/** The hour (0–23) on the newsroom's clock: for "Good morning" and the like. */
export function hourOfDay(date: Date, timeZone: string): number {
  return wallClockAt(date.getTime(), timeZone).hour;
}

/** The zone as the formats above name it at that moment: "GMT+3", "UTC", "BST" in a London summer. */
function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  return formatFor("zone", timeZone).formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** The zone for people: "Asia/Baghdad (GMT+3)", "America/New York (GMT-5)", or just "UTC". */
export function describeZone(timeZone: string, at: Date = new Date()): string {
  const name = timeZone.replaceAll("_", " ");
  const abbreviation = zoneAbbreviation(timeZone, at);
  return abbreviation === timeZone ? name : `${name} (${abbreviation})`;
}

// ---------------------------------------------------------------------------
// Time-zone names

/** Every IANA zone this platform knows, UTC first: what the settings page offers. */
export function timeZoneNames(): string[] {
  return [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone").filter((name) => name !== DEFAULT_TIME_ZONE)];
}

/**
 * An IANA zone name ("Asia/Baghdad", "UTC") that Intl can use. Offsets such
 * as "+03:00" are refused: they ignore summer time, which a newsroom's clock
 * does not.
 */
export function isTimeZone(name: string): boolean {
  if (name !== DEFAULT_TIME_ZONE && !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Wall clocks: what a datetime-local field holds, which has no zone of its own

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(utcMillis: number, timeZone: string): WallClock {
  const parts = formatFor("parts", timeZone).formatToParts(new Date(utcMillis));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** Minutes the zone is ahead of UTC at the given instant, from the platform's time-zone database. */
function zoneOffsetMinutes(timeZone: string, utcMillis: number): number {
  const wall = wallClockAt(utcMillis, timeZone);
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asIfUtc - Math.floor(utcMillis / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time in a zone (given as if it were UTC) → the instant. The
 * second guess settles the days the clocks change: a time that falls in the
 * spring gap moves forward by the gap, an ambiguous autumn time is read once.
 */
export function wallClockToUtc(wallClockMillis: number, timeZone: string): number {
  const firstGuess = wallClockMillis - zoneOffsetMinutes(timeZone, wallClockMillis) * 60_000;
  return wallClockMillis - zoneOffsetMinutes(timeZone, firstGuess) * 60_000;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A moment as a datetime-local value ("2026-12-04T21:16") on the newsroom's clock. */
export function toWallClockInput(date: Date, timeZone: string): string {
  const wall = wallClockAt(date.getTime(), timeZone);
  const seconds = wall.second ? `:${pad(wall.second)}` : "";
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}${seconds}`;
}

const WALL_CLOCK_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** A datetime-local value read on the newsroom's clock → the instant; null when it is not a time on the calendar. */
export function fromWallClockInput(value: string, timeZone: string): Date | null {
  const match = WALL_CLOCK_INPUT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asIfUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  return new Date(wallClockToUtc(asIfUtc, timeZone));
}
