import { describe, expect, test } from "vitest";
import { sessionCookiesSecure } from "@/lib/auth-cookies";

describe("session cookies are Secure", () => {
  test.each([
    ["production behind https", "production", "https://news.example", true],
    ["production on a public http address (TLS ended at the load balancer)", "production", "http://news.example", true],
    ["a local production trial on localhost", "production", "http://localhost:3000", false],
    ["a local production trial on 127.0.0.1", "production", "http://127.0.0.1:4100", false],
    ["development on http", "development", "http://localhost:3000", false],
    ["development behind https", "development", "https://dev.news.example", true],
  ])("%s → %s", (_label, NODE_ENV, SITE_URL, secure) => {
    expect(sessionCookiesSecure({ NODE_ENV, SITE_URL })).toBe(secure);
  });
});
