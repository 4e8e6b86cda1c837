import { describe, expect, test } from "vitest";
import { afterSignInPath, signInSchema } from "@/lib/validation/auth";

describe("where sign-in leads", () => {
  test.each([
    [undefined, "/dashboard"],
    ["/dashboard", "/dashboard"],
    ["/dashboard/articles?status=DRAFT", "/dashboard/articles?status=DRAFT"],
    ["https://evil.example/dashboard", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/dashboardevil", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/articles/x", "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(afterSignInPath.parse(input)).toBe(expected);
  });
});

describe("signInSchema", () => {
  test("normalizes the email", () => {
    expect(signInSchema.parse({ email: "  Editor@Newsroom.Example ", password: "x" }).email).toBe("editor@newsroom.example");
  });

  test("names each missing field", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["email", "Enter your email address."],
      ["password", "Enter your password."],
    ]);
  });
});
