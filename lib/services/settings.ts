import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { readSetting, type SettingKey, type SettingValue } from "@/lib/settings";

/** A setting's current value (defaults filled in). Cached per request. */
export const getSetting = cache(async <K extends SettingKey>(key: K): Promise<SettingValue<K>> => {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return readSetting(key, row?.value);
});
