import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { saveModerationSettingsAction, saveSiteSettingsAction } from "@/app/(dashboard)/dashboard/settings/actions";
import { idle } from "@/lib/action-state";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEditableSetting, getTimeZone } from "@/lib/services/settings";
import { actAs, takeRevalidatedPaths } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

// Settings are shared by every test in this database (comment submission reads
// them): put back exactly what was there before each test.
let saved: { key: string; value: Prisma.JsonValue }[] = [];
beforeEach(async () => {
  saved = await db.setting.findMany({ where: { key: { in: ["moderation", "site"] } }, select: { key: true, value: true } });
  takeRevalidatedPaths();
});
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: { in: ["moderation", "site"] } } });
  for (const row of saved) await db.setting.create({ data: { key: row.key, value: row.value ?? {} } });
});

const moderationForm = (version: string, overrides: Record<string, string> = {}) =>
  form({
    version,
    mode: "ALL",
    linkHoldThreshold: "3",
    holdWords: "refund\n\n  Refund \nscam\n",
    blockWords: "كازينو\ncasino",
    rateLimitPerMinute: "10",
    closeAfterDays: "30",
    ...overrides,
  });

describe("moderation rules", () => {
  test("are saved from the form (one word per line, duplicates dropped) and audited before → after", async () => {
    const admin = await makeStaff("ADMIN");
    actAs(admin);
    const { version, value: before } = await getEditableSetting("moderation");

    const state = await saveModerationSettingsAction(idle, moderationForm(version));

    expect(state).toMatchObject({ status: "success", message: "Moderation rules saved." });
    const after = await getEditableSetting("moderation");
    expect(after.value).toEqual({
      mode: "ALL",
      linkHoldThreshold: 3,
      holdWords: ["refund", "scam"],
      blockWords: ["كازينو", "casino"],
      rateLimitPerMinute: 10,
      closeAfterDays: 30,
    });
    expect(after.updatedBy).toBe(admin.name);
    const entry = await db.moderationAction.findFirstOrThrow({ where: { action: "settings.update", actorId: admin.id } });
    expect(entry).toMatchObject({ targetType: "setting", targetId: "moderation", before, after: after.value });
    expect(takeRevalidatedPaths()).toEqual(["/dashboard/settings"]);
  });

  test("saving what is already stored changes nothing and writes no entry", async () => {
    const admin = await makeStaff("ADMIN");
    actAs(admin);
    const first = await saveModerationSettingsAction(idle, moderationForm((await getEditableSetting("moderation")).version));
    expect(first.status).toBe("success");
    const again = await saveModerationSettingsAction(idle, moderationForm((await getEditableSetting("moderation")).version));
    expect(again).toMatchObject({ status: "success", message: "No changes to save." });
    expect(await db.moderationAction.count({ where: { action: "settings.update", actorId: admin.id } })).toBe(1);
  });

  test("bad input gets an error on each field and keeps what was typed", async () => {
    actAs(await makeStaff("ADMIN"));
    const { version } = await getEditableSetting("moderation");
    const longWord = "x".repeat(61);
    const state = await saveModerationSettingsAction(
      idle,
      moderationForm(version, { mode: "SOMETIMES", linkHoldThreshold: "two", holdWords: `fine\n${longWord}`, rateLimitPerMinute: "0", closeAfterDays: "-1" }),
    );
    expect(state).toMatchObject({
      status: "error",
      errors: {
        mode: ["Choose how new comments are moderated."],
        linkHoldThreshold: ["Enter the number of links as a whole number."],
        holdWords: ["“xxxxxxxxxxxxxxxxxxxx…” is longer than 60 characters."],
        rateLimitPerMinute: ["Enter at least 1."],
        closeAfterDays: ["Enter the number of days as a whole number."],
      },
      values: { linkHoldThreshold: "two", holdWords: `fine\n${longWord}`, mode: "SOMETIMES" },
    });
    expect((await getEditableSetting("moderation")).version).toBe(version);
  });

  test("a save over someone else's newer save is refused, naming them, and nothing is overwritten", async () => {
    const [first, second] = await Promise.all([makeStaff("ADMIN"), makeStaff("ADMIN")]);
    const { version } = await getEditableSetting("moderation");
    actAs(first);
    expect(await saveModerationSettingsAction(idle, moderationForm(version, { linkHoldThreshold: "5" }))).toMatchObject({ status: "success" });
    actAs(second);
    const stale = await saveModerationSettingsAction(idle, moderationForm(version, { linkHoldThreshold: "9" }));
    expect(stale.status).toBe("error");
    expect(stale.message).toMatch(new RegExp(`^${first.name} saved these settings at .+ after you opened this page`));
    expect(stale.values).toMatchObject({ linkHoldThreshold: "9" });
    expect((await getEditableSetting("moderation")).value.linkHoldThreshold).toBe(5);
  });
});

describe("site settings", () => {
  test("a new name is saved, audited, and every public page is revalidated", async () => {
    const admin = await makeStaff("ADMIN");
    actAs(admin);
    const { version } = await getEditableSetting("site");
    const state = await saveSiteSettingsAction(idle, form({ version, name: "The Daily Ledger", tagline: "News from the valley", timeZone: "UTC" }));
    expect(state).toMatchObject({ status: "success", message: "Site settings saved." });
    expect((await getEditableSetting("site")).value).toEqual({ name: "The Daily Ledger", tagline: "News from the valley", timeZone: "UTC" });
    expect(takeRevalidatedPaths()).toEqual(["/", "/dashboard/settings"]);
    expect(await db.moderationAction.findFirstOrThrow({ where: { action: "settings.update", targetId: "site", actorId: admin.id } })).toMatchObject({
      after: { name: "The Daily Ledger", tagline: "News from the valley", timeZone: "UTC" },
    });
  });

  test("an empty name is refused with a field error", async () => {
    actAs(await makeStaff("ADMIN"));
    const { version } = await getEditableSetting("site");
    const state = await saveSiteSettingsAction(idle, form({ version, name: "  ", tagline: "Still here", timeZone: "UTC" }));
    expect(state).toMatchObject({ status: "error", errors: { name: ["Give the site a name."] }, values: { tagline: "Still here" } });
  });

  test("the newsroom's time zone: an IANA name is saved and every page showing dates is revalidated", async () => {
    actAs(await makeStaff("ADMIN"));
    const { version, value } = await getEditableSetting("site");
    const state = await saveSiteSettingsAction(idle, form({ version, name: value.name, tagline: value.tagline, timeZone: "Asia/Baghdad" }));
    expect(state).toMatchObject({ status: "success" });
    expect(await getTimeZone()).toBe("Asia/Baghdad");
    expect(takeRevalidatedPaths()).toEqual(["/", "/dashboard/settings"]);
  });

  test.each(["Mars/Olympus_Mons", "+03:00", "GMT+3", ""])("a zone that is not an IANA name (%j) is refused on its field", async (timeZone) => {
    actAs(await makeStaff("ADMIN"));
    const { version, value } = await getEditableSetting("site");
    const state = await saveSiteSettingsAction(idle, form({ version, name: value.name, tagline: value.tagline, timeZone }));
    expect(state).toMatchObject({ status: "error", errors: { timeZone: [expect.stringMatching(/time zone/)] } });
    expect((await getEditableSetting("site")).value.timeZone).toBe(value.timeZone);
  });
});
