import { timeZoneSchema } from "@/lib/settings";
import { z } from "@/lib/zod";

/**
 * The settings forms as typed: numbers arrive as text, word lists as one word
 * per line. Messages speak to the admin filling the form; lib/settings.ts
 * stays the source of truth for what a stored value may be.
 */

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `Enter ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.int().min(min, `Enter at least ${min}.`).max(max, `Enter at most ${max.toLocaleString("en")}.`));

const MAX_WORD = 60;
const MAX_WORDS = 1000;

/** Lines → distinct words (case-insensitively), blank lines dropped. */
export const wordList = z
  .string()
  .default("")
  .transform((text, ctx) => {
    const words: string[] = [];
    const seen = new Set<string>();
    for (const line of text.split(/\r?\n/)) {
      const word = line.trim();
      if (!word || seen.has(word.toLocaleLowerCase())) continue;
      if (word.length > MAX_WORD) {
        ctx.addIssue({ code: "custom", message: `“${word.slice(0, 20)}…” is longer than ${MAX_WORD} characters.` });
        return z.NEVER;
      }
      seen.add(word.toLocaleLowerCase());
      words.push(word);
    }
    if (words.length > MAX_WORDS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_WORDS.toLocaleString("en")} words.` });
      return z.NEVER;
    }
    return words;
  });

export const moderationSettingsFormSchema = z.object({
  version: z.string().default(""),
  mode: z.enum(["ALL", "RETURNING", "NONE"], { error: "Choose how new comments are moderated." }),
  linkHoldThreshold: wholeNumber(0, 100, "the number of links"),
  holdWords: wordList,
  blockWords: wordList,
  rateLimitPerMinute: wholeNumber(1, 10_000, "the number of comments"),
  closeAfterDays: wholeNumber(0, 36_500, "the number of days"),
});

export const siteSettingsFormSchema = z.object({
  version: z.string().default(""),
  name: z.string().trim().min(1, "Give the site a name.").max(80, "Keep the name under 80 characters."),
  tagline: z.string().trim().max(160, "Keep the tagline under 160 characters."),
  timeZone: timeZoneSchema,
});
