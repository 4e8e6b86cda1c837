import { describe, expect, test } from "vitest";
import { firstFreeSlug, slugFromText, slugLooksMadeFromTitle, slugPattern } from "@/lib/slug";

describe("slugFromText", () => {
  test.each([
    ["ISIS buries alive dozens of defectors who fled Iraq battlefield – reports", "isis-buries-alive-dozens-of-defectors-who-fled-iraq-battlefield-reports"],
    ["Ça va? Über “quotes” & co.", "ca-va-ueber-quotes-and-co"],
    ["  Spaces   everywhere  ", "spaces-everywhere"],
    ["الجهاد في سبيل الله", "aljhad-fy-sbyl-allh"],
    ["2026: the year in 10 charts", "2026-the-year-in-10-charts"],
  ])("%s → %s", (title, slug) => {
    expect(slugFromText(title)).toBe(slug);
    expect(slug).toMatch(slugPattern);
  });

  test("long titles are cut at a word, at most 80 characters", () => {
    const slug = slugFromText("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  test("text with nothing to keep gives an empty slug", () => {
    expect(slugFromText("!!! ???")).toBe("");
  });
});

describe("firstFreeSlug", () => {
  test("adds -2, -3… until a slug is free", async () => {
    const taken = new Set(["budget", "budget-2"]);
    await expect(firstFreeSlug("budget", async (slug) => taken.has(slug))).resolves.toBe("budget-3");
    await expect(firstFreeSlug("fresh", async (slug) => taken.has(slug))).resolves.toBe("fresh");
  });

  test("an empty base falls back to 'story'", async () => {
    await expect(firstFreeSlug("", async () => false)).resolves.toBe("story");
  });
});

describe("slugLooksMadeFromTitle", () => {
  const long = "word ".repeat(40);
  test.each([
    ["port-strike-ends", "Port strike ends", true],
    ["port-strike-ends-2", "Port strike ends", true],
    ["port-strike-ends-14", "Port strike ends", true],
    [`${slugFromText(long).slice(0, 78)}-2`, long, true],
    ["story", "!!!", true],
    // Typed by hand, or made from an earlier title.
    ["port-strike", "Port strike ends", false],
    ["port-strike-ends-1", "Port strike ends", false],
    ["port-strike-ends-today", "Port strike ends", false],
    ["dockers-walk-out", "Port strike ends", false],
  ])("%s for %j: %s", (slug, title, made) => {
    expect(slugLooksMadeFromTitle(slug, title)).toBe(made);
  });
});
