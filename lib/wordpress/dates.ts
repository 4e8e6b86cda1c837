import { wallClockToUtc } from "@/lib/dates";
import { kept, refused, type Outcome } from "./outcome";

/*
 * WordPress keeps two times for each post and comment: the site's local time
 * (post_date) and UTC (post_date_gmt). UTC is the one to trust. Drafts and
 * pending posts have no UTC time yet ("0000-00-00 00:00:00"), so their local
 * time is read in the site's zone when it is known, else as UTC (and said so).
 * WordPress stores both as MySQL DATETIME, whose range 1000–9999 is the range
 * of any real export; a date outside it, or one that is not on the calendar,
 * is refused with its reason.
 */

const ZERO_DATE = "0000-00-00 00:00:00";
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const EARLIEST_YEAR = 1000;
const LATEST_YEAR = 9999;

type Parsed = { ok: true; millis: number } | { ok: false; reason: string };

/** "YYYY-MM-DD HH:MM:SS" as if it were UTC, checked against the calendar. */
function parseDateTime(text: string): Parsed {
  const match = DATETIME.exec(text.trim());
  if (!match) return { ok: false, reason: `${JSON.stringify(text.slice(0, 40))} is not a date` };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, reason: `the date ${text.trim()} is out of range (years ${EARLIEST_YEAR}–${LATEST_YEAR})` };
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(millis);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `the date ${text.trim()} is not on the calendar` };
  }
  return { ok: true, millis };
}

const isMissing = (text: string) => text.trim() === "" || text.trim() === ZERO_DATE;

/** Whether a zone name (IANA, or a fixed "+01:00") is one this platform can use. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (/^[+-]\d{2}:?\d{2}$/.test(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** A wall-clock time in a zone → the instant: a fixed "+01:00" as written, an IANA name through lib/dates.ts (which settles the days the clocks change). */
function localToUtc(wallClockMillis: number, timeZone: string): number {
  const fixed = FIXED_OFFSET.exec(timeZone);
  if (!fixed) return wallClockToUtc(wallClockMillis, timeZone);
  const minutes = (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  return wallClockMillis - minutes * 60_000;
}

/**
 * The instant a post or comment was dated. `timeZone` is the old site's zone
 * (an IANA name such as "Europe/London", or "+01:00") when the importer knows
 * it; the export itself does not say.
 */
export function wordpressInstant(local: string, gmt: string, timeZone?: string): Outcome<Date> {
  if (!isMissing(gmt)) {
    const parsed = parseDateTime(gmt);
    return parsed.ok ? kept(new Date(parsed.millis)) : refused(parsed.reason);
  }
  if (isMissing(local)) return refused("it has no date");
  const parsed = parseDateTime(local);
  if (!parsed.ok) return refused(parsed.reason);
  if (timeZone && isKnownTimeZone(timeZone)) {
    return kept(new Date(localToUtc(parsed.millis, timeZone)), `no UTC date in the file: its local date was read in ${timeZone}`);
  }
  return kept(new Date(parsed.millis), "no UTC date in the file and the site's time zone is unknown: its local date was read as UTC");
}
