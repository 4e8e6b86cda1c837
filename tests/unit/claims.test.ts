import { describe, expect, test } from "vitest";
import { citationsByFact } from "@/lib/claims";

describe("citationsByFact", () => {
  test("the seed's death toll: 35 from ABNA against 45 from Iraqi News differs", () => {
    const facts = citationsByFact([
      { factKey: "death toll", factValue: "35", sourceName: "ABNA" },
      { factKey: "death toll", factValue: "45", sourceName: "Iraqi News" },
      { factKey: "location", factValue: "Qayyarah", sourceName: "An anonymous provincial source" },
    ]);
    expect(facts).toEqual([
      {
        factKey: "death toll",
        differ: true,
        reports: [
          { value: "35", sources: ["ABNA"] },
          { value: "45", sources: ["Iraqi News"] },
        ],
      },
      { factKey: "location", differ: false, reports: [{ value: "Qayyarah", sources: ["An anonymous provincial source"] }] },
    ]);
  });

  test.each([
    ["same value twice agrees", [["toll", "45", "A"], ["toll", "45", "B"]], false],
    ["case and spacing of keys and values do not make a difference", [["Death toll", " 45 ", "A"], ["death  toll", "45", "B"]], false],
    ["two values differ", [["toll", "45", "A"], ["toll", "44", "B"]], true],
    ["three sources, two values", [["toll", "45", "A"], ["toll", "45", "B"], ["toll", "30", "C"]], true],
  ] as const)("%s", (_label, rows, differ) => {
    const [fact] = citationsByFact(rows.map(([factKey, factValue, sourceName]) => ({ factKey, factValue, sourceName })));
    expect(fact?.differ).toBe(differ);
  });

  test("citations without a key or a value are not facts", () => {
    expect(
      citationsByFact([
        { factKey: null, factValue: "45", sourceName: "A" },
        { factKey: "toll", factValue: null, sourceName: "B" },
        { factKey: "  ", factValue: "3", sourceName: "C" },
      ]),
    ).toEqual([]);
  });

  test("a source citing the same value twice is listed once", () => {
    const [fact] = citationsByFact([
      { factKey: "toll", factValue: "45", sourceName: "A" },
      { factKey: "toll", factValue: "45", sourceName: "A" },
    ]);
    expect(fact?.reports).toEqual([{ value: "45", sources: ["A"] }]);
  });
});
