import { describe, expect, test } from "vitest";
import { describeZone, formatDate, formatDateTime, formatTime, fromWallClockInput, hourOfDay, isTimeZone, toWallClockInput } from "@/lib/dates";

/** One moment seen from several newsrooms: 4 Dec 2026, 21:16 UTC. */
const moment = new Date("2026-12-04T21:16:00Z");

describe("one format, on the newsroom's clock, with the zone named", () => {
  test.each([
    ["UTC", "4 Dec 2026, 21:16 UTC", "4 Dec 2026", "21:16 UTC"],
    ["Asia/Baghdad", "5 Dec 2026, 00:16 GMT+3", "5 Dec 2026", "00:16 GMT+3"],
    ["America/New_York", "4 Dec 2026, 16:16 GMT-5", "4 Dec 2026", "16:16 GMT-5"],
    ["Asia/Kolkata", "5 Dec 2026, 02:46 GMT+5:30", "5 Dec 2026", "02:46 GMT+5:30"],
  ])("%s", (zone, dateTime, date, time) => {
    expect(formatDateTime(moment, zone)).toBe(dateTime);
    expect(formatDate(moment, zone)).toBe(date);
    expect(formatTime(moment, zone)).toBe(time);
  });

  test("summer time is named as the zone names it", () => {
    expect(formatDateTime(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe("1 Jul 2026, 13:00 BST");
    expect(formatDateTime(new Date("2026-12-01T12:00:00Z"), "Europe/London")).toBe("1 Dec 2026, 12:00 GMT");
  });

  test.each([
    ["UTC", "UTC"],
    ["Asia/Baghdad", "Asia/Baghdad (GMT+3)"],
    ["America/New_York", "America/New York (GMT-5)"],
  ])("the schedule picker names %s as %j", (zone, said) => {
    expect(describeZone(zone, moment)).toBe(said);
  });

  test("midnight is hour 0, not 24", () => {
    expect(hourOfDay(new Date("2026-12-04T21:00:00Z"), "Asia/Baghdad")).toBe(0);
    expect(formatTime(new Date("2026-12-04T21:00:00Z"), "Asia/Baghdad")).toBe("00:00 GMT+3");
  });
});

describe("the schedule picker's wall clock ↔ the moment, in the newsroom's zone", () => {
  test.each([
    ["UTC", "2026-12-04T21:16", "2026-12-04T21:16:00.000Z"],
    ["Asia/Baghdad", "2026-12-05T00:16", "2026-12-04T21:16:00.000Z"],
    ["America/New_York", "2026-12-04T16:16", "2026-12-04T21:16:00.000Z"],
    ["America/New_York", "2026-07-04T09:00", "2026-07-04T13:00:00.000Z"],
    ["Asia/Kolkata", "2026-12-05T02:46:30", "2026-12-04T21:16:30.000Z"],
    ["Pacific/Auckland", "2027-01-01T00:00", "2026-12-31T11:00:00.000Z"],
    // The clocks go forward at 01:00 in London: 01:30 does not exist and is read as 02:30 BST.
    ["Europe/London", "2026-03-29T01:30", "2026-03-29T01:30:00.000Z"],
    // They go back at 02:00 BST: 01:30 happens twice and is read as the later one (GMT).
    ["Europe/London", "2026-10-25T01:30", "2026-10-25T01:30:00.000Z"],
  ])("%s: %s is %s", (zone, wallClock, instant) => {
    expect(fromWallClockInput(wallClock, zone)?.toISOString()).toBe(instant);
  });

  test.each([
    ["UTC", "2026-12-04T21:16:00Z", "2026-12-04T21:16"],
    ["Asia/Baghdad", "2026-12-04T21:16:00Z", "2026-12-05T00:16"],
    ["America/New_York", "2026-12-04T21:16:45Z", "2026-12-04T16:16:45"],
  ])("%s: %s shows as %s, and reads back as the same moment", (zone, instant, wallClock) => {
    expect(toWallClockInput(new Date(instant), zone)).toBe(wallClock);
    expect(fromWallClockInput(wallClock, zone)?.toISOString()).toBe(new Date(instant).toISOString());
  });

  test.each(["", "tomorrow", "2026-02-30T10:00", "2026-12-04T24:00", "2026-12-04 21:16", "12/04/2026 09:16 PM"])("%j is not a time on the calendar", (value) => {
    expect(fromWallClockInput(value, "UTC")).toBeNull();
  });
});

describe("which zone names the setting takes", () => {
  test.each([
    ["UTC", true],
    ["Asia/Baghdad", true],
    ["America/Argentina/Buenos_Aires", true],
    ["Etc/GMT-3", true],
    ["Mars/Olympus_Mons", false],
    ["+03:00", false],
    ["GMT+3", false],
    ["asia baghdad", false],
    ["", false],
  ])("%j → %s", (name, valid) => {
    expect(isTimeZone(name)).toBe(valid);
  });
});
