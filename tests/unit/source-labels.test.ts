import { describe, expect, test } from "vitest";
import { groupBySource, reportSite, sourceDisplayName, sourceLabel, sourceShortLabel, type PublicSource } from "@/lib/source-labels";

const source = (overrides: Partial<PublicSource>): PublicSource => ({
  id: "s",
  name: "AhlulBayt News Agency",
  shortName: "ABNA",
  kind: "NEWS_AGENCY",
  url: null,
  description: "",
  ...overrides,
});

describe("source labels", () => {
  test("named sources show their name and short name", () => {
    expect(sourceLabel(source({}))).toBe("AhlulBayt News Agency (ABNA)");
    expect(sourceShortLabel(source({}))).toBe("ABNA");
    expect(sourceLabel(source({ name: "Iraqi News", shortName: "" }))).toBe("Iraqi News");
  });

  test.each([
    ["AhlulBayt News Agency", "ABNA", "AhlulBayt News Agency (ABNA)"],
    ["Agence France-Presse", "AFP", "Agence France-Presse (AFP)"],
    ["Iraqi News", "", "Iraqi News"],
    ["Iraqi News", "  ", "Iraqi News"],
    // The name already carries the short name: once is enough.
    ["UN Refugee Agency (UNHCR)", "UNHCR", "UN Refugee Agency (UNHCR)"],
    ["BBC News", "BBC", "BBC News"],
    ["Reuters", "Reuters", "Reuters"],
    ["Reuters", "reuters", "Reuters"],
    ["Ministry of Health (MoH)", "MOH", "Ministry of Health (MoH)"],
    ["وكالة الأنباء العراقية (واع)", "واع", "وكالة الأنباء العراقية (واع)"],
    // Inside another word it is not the same word.
    ["Unicef", "UN", "Unicef (UN)"],
    ["The Kurdistan 24 network", "K24", "The Kurdistan 24 network (K24)"],
    ["C++ Weekly", "C++", "C++ Weekly"],
  ])("%s with the short name %j reads %j", (name, shortName, label) => {
    expect(sourceDisplayName({ name, shortName })).toBe(label);
    // Readers get the same label as staff.
    expect(sourceLabel(source({ name, shortName }))).toBe(label);
  });

  test("an anonymous source is shown only as described, never by its registry name", () => {
    const anonymous = source({ name: "Nineveh official (do not publish)", shortName: "", kind: "ANONYMOUS", description: "an anonymous provincial source" });
    expect(sourceLabel(anonymous)).toBe("An anonymous provincial source");
    expect(sourceShortLabel(anonymous)).toBe("An anonymous provincial source");
    expect(sourceLabel({ ...anonymous, description: "" })).toBe("An anonymous source");
  });

  test("citations group under their source in first-cited order", () => {
    const abna = source({ id: "abna" });
    const iraqi = source({ id: "iraqi", name: "Iraqi News", shortName: "" });
    const cite = (id: string, from: PublicSource) => ({ id, claim: id, factKey: null, factValue: null, reportUrl: null, source: from, viaSource: null });
    const groups = groupBySource([cite("1", iraqi), cite("2", abna), cite("3", iraqi)]);
    expect(groups.map((group) => [group.source.id, group.citations.map((citation) => citation.id)])).toEqual([
      ["iraqi", ["1", "3"]],
      ["abna", ["2"]],
    ]);
  });
});

describe("where a report lives, for its link", () => {
  test.each([
    ["https://www.iraqinews.com/iraq-war/isis/", "iraqinews.com"],
    ["https://en.abna24.com/news/1", "en.abna24.com"],
    ["javascript:alert(1)", null],
    ["ftp://files.example.org/report.pdf", null],
    ["not a url", null],
  ])("%s → %s", (url, site) => {
    expect(reportSite(url)).toBe(site);
  });
});
