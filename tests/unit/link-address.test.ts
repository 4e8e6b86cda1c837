import { expect, test } from "vitest";
import { linkAddressFrom, withoutRepeatedScheme } from "@/lib/rich-text/link-address";

test.each([
  ["https://example.org/minutes", "https://example.org/minutes"],
  ["  https://example.org/minutes  ", "https://example.org/minutes"],
  // A full address pasted over a scheme that was already in the field.
  ["https://https://example.org/minutes", "https://example.org/minutes"],
  ["https://http://example.org/minutes", "http://example.org/minutes"],
  ["http://https://example.org", "https://example.org"],
  // Typed without a scheme: https, as a browser would assume.
  ["example.org/report", "https://example.org/report"],
  ["www.example.org", "https://www.example.org"],
  ["example.org:8080/live", "https://example.org:8080/live"],
  ["//example.org/x", "https://example.org/x"],
  ["desk@example.org", "mailto:desk@example.org"],
  ["mailto:desk@example.org", "mailto:desk@example.org"],
  ["https://mailto:desk@example.org", "mailto:desk@example.org"],
  // Not addresses a story links to.
  ["", null],
  ["https://", null],
  ["example", null],
  ["two words.org", null],
  ["javascript:alert(1)", null],
  ["ftp://example.org/file", null],
  ["tel:+4412345", null],
  ["localhost:3000", null],
  ["mailto:nobody", null],
])("%j links to %j", (typed, address) => {
  expect(linkAddressFrom(typed)).toBe(address);
});

test("the field drops a doubled scheme as it is typed or pasted, and leaves everything else alone", () => {
  expect(withoutRepeatedScheme("https://https://example.org")).toBe("https://example.org");
  expect(withoutRepeatedScheme("https://")).toBe("https://");
  expect(withoutRepeatedScheme("https://exa")).toBe("https://exa");
  expect(withoutRepeatedScheme("example.org/https://x")).toBe("example.org/https://x");
});
