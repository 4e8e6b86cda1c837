import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { signInAction } from "@/app/(auth)/login/actions";
import { idle } from "@/lib/action-state";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import { signInLimitedMessage, signInWithLimits } from "@/lib/services/sign-in";
import { uniqueTag } from "../support/comment-factory";
import { doubles } from "../support/request-doubles";

/**
 * Staff sign-in under attack: password guessing on one account, credential
 * stuffing from one address, and strangers probing which emails are staff.
 * Counters live in the shared rate-limit store, so each test uses its own
 * accounts and addresses.
 */

const password = "the-right-password-1234";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

async function makeAccount(role: "WRITER" | "EDITOR" = "WRITER") {
  const tag = uniqueTag("limit");
  return db.user.create({ data: { email: `${tag}@staff.test`, name: tag, slug: tag, role, passwordHash }, select: { id: true, email: true } });
}

const address = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}:${uniqueTag()}`;

async function failTimes(times: number, email: string, from: string) {
  for (let attempt = 0; attempt < times; attempt += 1) expect(await signInWithLimits(email, "wrong-password", from)).toBeNull();
}

describe("per account: 5 failures in 15 minutes", () => {
  test("the sixth attempt is refused even with the right password; other accounts are not affected", async () => {
    const target = await makeAccount();
    const bystander = await makeAccount();
    const from = address();
    await failTimes(5, target.email, from);

    await expect(signInWithLimits(target.email, password, address())).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      message: signInLimitedMessage,
    });
    expect(await signInWithLimits(bystander.email, password, from)).toMatchObject({ id: bystander.id });
  });

  test("an email that is not staff is limited the same way, with the same message", async () => {
    const nobody = `${uniqueTag("nobody")}@staff.test`;
    await failTimes(5, nobody, address());
    await expect(signInWithLimits(nobody, password, address())).rejects.toMatchObject({ code: "rate_limited", message: signInLimitedMessage });
  });

  test("a successful sign-in clears the account's failures", async () => {
    const account = await makeAccount();
    await failTimes(4, account.email, address());
    expect(await signInWithLimits(account.email, password, address())).toMatchObject({ id: account.id });
    await failTimes(4, account.email, address());
    expect(await signInWithLimits(account.email, password, address())).toMatchObject({ id: account.id });
  });
});

describe("per address: 20 failures in 15 minutes", () => {
  test("credential stuffing from one address locks that address out, not the accounts", async () => {
    const from = address();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      expect(await signInWithLimits(`${uniqueTag("stuffed")}@staff.test`, "leaked-password", from)).toBeNull();
    }
    const victim = await makeAccount();
    await expect(signInWithLimits(victim.email, password, from)).rejects.toMatchObject({ code: "rate_limited" });
    expect(await signInWithLimits(victim.email, password, address())).toMatchObject({ id: victim.id });
  });
});

describe("the sign-in form", () => {
  function attempt(email: string, typed: string) {
    const data = new FormData();
    data.set("email", email);
    data.set("password", typed);
    return signInAction(idle, data);
  }

  test("says the same for a wrong password and an unknown email, then shows the rate-limit message", async () => {
    doubles.headers.set("x-newsroom-client-ip", address());
    const account = await makeAccount();
    const wrong = await attempt(account.email, "wrong-password");
    const unknown = await attempt(`${uniqueTag("ghost")}@staff.test`, "wrong-password");
    expect(wrong.message).toBe("Email or password is incorrect.");
    expect(unknown.message).toBe(wrong.message);

    for (let tries = 0; tries < 4; tries += 1) await attempt(account.email, "wrong-password");
    expect(await attempt(account.email, password)).toMatchObject({ status: "error", message: signInLimitedMessage, values: { email: account.email } });
  });
});

describe("session cookies", () => {
  /** Signs in through next-auth's own endpoints, as a browser posting the form would. */
  async function signInThroughHandlers(siteUrl: string, email: string) {
    vi.resetModules();
    vi.stubEnv("SITE_URL", siteUrl);
    try {
      const { handlers } = await import("@/lib/next-auth");
      const csrf = await handlers.GET(new NextRequest(`${siteUrl}/api/auth/csrf`));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
      const response = await handlers.POST(
        new NextRequest(`${siteUrl}/api/auth/callback/credentials`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-newsroom-client-ip": address() },
          body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${siteUrl}/dashboard` }),
        }),
      );
      return response.headers.getSetCookie().find((cookie) => /session-token=/.test(cookie));
    } finally {
      vi.unstubAllEnvs();
    }
  }

  test("behind https the session cookie is HttpOnly, SameSite=Lax and Secure", async () => {
    const account = await makeAccount();
    const cookie = await signInThroughHandlers("https://news.example", account.email);
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  test("on plain http in development it is still HttpOnly and SameSite=Lax, without Secure", async () => {
    const account = await makeAccount();
    const cookie = await signInThroughHandlers("http://localhost:3000", account.email);
    expect(cookie).toMatch(/^authjs\.session-token=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
