import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { recordAudit } from "@/lib/services/audit-log";
import type { StaffUser } from "@/lib/services/users";
import { readSetting, settingSchemas, type SettingKey, type SettingValue } from "@/lib/settings";

/** A setting's current value (defaults filled in). Cached per request. */
export const getSetting = cache(async <K extends SettingKey>(key: K): Promise<SettingValue<K>> => {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return readSetting(key, row?.value);
});

/** The newsroom's time zone, in which every date is printed. Cached per request. */
export const getTimeZone = cache(async (): Promise<string> => (await getSetting("site")).timeZone);

export interface EditableSetting<K extends SettingKey> {
  value: SettingValue<K>;
  /** What the settings form carries back, so a save over someone else's newer save is refused ("" = never saved). */
  version: string;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function getEditableSetting<K extends SettingKey>(key: K): Promise<EditableSetting<K>> {
  const row = await db.setting.findUnique({
    where: { key },
    select: { value: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return {
    value: readSetting(key, row?.value),
    version: row?.updatedAt.toISOString() ?? "",
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy?.name ?? null,
  };
}

export interface SettingUpdate {
  changed: boolean;
  version: string;
}

/**
 * Saves a setting if nobody saved it since `version` was read, and writes the
 * change (before → after) to the audit log in the same transaction.
 */
export async function updateSetting<K extends SettingKey>(key: K, value: unknown, version: string, actor: StaffUser): Promise<SettingUpdate> {
  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", "Some settings are not valid.");
  const after = parsed.data as SettingValue<K>;

  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.setting.findUnique({
        where: { key },
        select: { value: true, updatedAt: true, updatedBy: { select: { name: true } } },
      });
      const current = row?.updatedAt.toISOString() ?? "";
      if (current !== version) throw await staleSetting(row?.updatedBy?.name ?? null, row?.updatedAt ?? null);
      const before = readSetting(key, row?.value);
      if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false, version: current };

      let saved: Date;
      if (row) {
        // Conditional on the version read above: a concurrent save makes this match nothing.
        const updated = await tx.setting.updateMany({ where: { key, updatedAt: row.updatedAt }, data: { value: after, updatedById: actor.id } });
        if (updated.count === 0) throw await staleSetting(null, null);
        saved = (await tx.setting.findUniqueOrThrow({ where: { key }, select: { updatedAt: true } })).updatedAt;
      } else {
        saved = (await tx.setting.create({ data: { key, value: after, updatedById: actor.id }, select: { updatedAt: true } })).updatedAt;
      }
      await recordAudit(tx, [{ actorId: actor.id, action: "settings.update", targetType: "setting", targetId: key, before, after }]);
      return { changed: true, version: saved.toISOString() };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await staleSetting(null, null);
    throw error;
  }
}

async function staleSetting(by: string | null, at: Date | null): Promise<AppError> {
  const who = by && at ? `${by} saved these settings at ${formatDateTime(at, await getTimeZone())}` : "Someone else saved these settings";
  return new AppError("stale_version", `${who} after you opened this page. Reload to see their changes; nothing was saved.`);
}
