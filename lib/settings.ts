import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/dates";
import { z } from "@/lib/zod";

/**
 * Typed site settings, stored as JSON rows in the Setting table and validated
 * on the way in and out. Defaults are PRODUCT.md's: a missing or unreadable
 * row reads as its defaults, so a fresh database works without any setup.
 */

const word = z.string().trim().min(1).max(60);

export const moderationSettingsSchema = z.object({
  /** ALL: every comment waits; RETURNING: emails with an approved comment skip the queue; NONE: publish at once. */
  mode: z.enum(["ALL", "RETURNING", "NONE"]).default("RETURNING"),
  /** Hold a comment with at least this many links; 0 turns the rule off. */
  linkHoldThreshold: z.int().min(0).max(100).default(2),
  /** Whole words (any language, any case) that send a comment to Pending. */
  holdWords: z.array(word).max(1000).default([]),
  /** Whole words that send a comment straight to Spam. */
  blockWords: z.array(word).max(1000).default([]),
  /** Comments a minute allowed per IP and, separately, per email. */
  rateLimitPerMinute: z.int().min(1).max(10_000).default(5),
  /** Close comments this many days after publication; 0 = never. */
  closeAfterDays: z.int().min(0).max(36_500).default(0),
});

/** An IANA zone name such as "Asia/Baghdad" (lib/dates.ts says which). */
export const timeZoneSchema = z.string().trim().refine(isTimeZone, "Choose a time zone from the list, such as Europe/London.");

export const siteSettingsSchema = z.object({
  name: z.string().trim().min(1).max(80).default("Newsroom"),
  tagline: z.string().trim().max(160).default("Independent reporting, sourced claim by claim."),
  /** The newsroom's clock: every date on the site and the desk is printed in it, and the schedule picker reads times in it. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});

export const settingSchemas = {
  moderation: moderationSettingsSchema,
  site: siteSettingsSchema,
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;
export type ModerationSettings = SettingValue<"moderation">;
export type SiteSettings = SettingValue<"site">;

/** Reads a stored value, falling back to defaults for anything missing or invalid. */
export function readSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const schema = settingSchemas[key];
  const parsed = schema.safeParse(stored ?? {});
  return (parsed.success ? parsed.data : schema.parse({})) as SettingValue<K>;
}
