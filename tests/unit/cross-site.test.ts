import { describe, expect, test } from "vitest";
import { isCrossSiteWrite } from "@/lib/http/cross-site";

describe("cross-site writes", () => {
  test.each<[string, string, Record<string, string>, boolean]>([
    ["a same-origin form post", "POST", { origin: "https://news.example", host: "news.example" }, false],
    ["a post from another site", "POST", { origin: "https://evil.example", host: "news.example" }, true],
    ["a post from a sibling subdomain", "POST", { origin: "https://evil.news.example", host: "news.example" }, true],
    ["a post from another port", "POST", { origin: "http://127.0.0.1:9999", host: "127.0.0.1:4100" }, true],
    ["a sandboxed frame's post (Origin: null)", "POST", { origin: "null", host: "news.example" }, true],
    ["a malformed Origin", "POST", { origin: "not a url", host: "news.example" }, true],
    ["behind a proxy that forwards the public host", "POST", { origin: "https://news.example", host: "10.0.0.5:3000", "x-forwarded-host": "news.example" }, false],
    ["no Origin, Fetch Metadata says cross-site", "DELETE", { "sec-fetch-site": "cross-site", host: "news.example" }, true],
    ["no Origin and no Fetch Metadata (a script)", "POST", { host: "news.example" }, false],
    ["a cross-site GET (reads change nothing)", "GET", { origin: "https://evil.example", host: "news.example" }, false],
    ["a CORS preflight", "OPTIONS", { origin: "https://evil.example", host: "news.example" }, false],
  ])("%s → refused: %s", (_label, method, headers, refused) => {
    expect(isCrossSiteWrite(method, new Headers(headers))).toBe(refused);
  });
});
