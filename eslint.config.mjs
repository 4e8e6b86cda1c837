import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { newsroomPlugin } from "./eslint-rules/no-unbounded-write.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Unused bindings are allowed when named for it: `_previous`, `{ a: _a, ...rest }`.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      // zod comes through lib/zod.ts, which keeps it from probing for eval under our CSP.
      "no-restricted-imports": ["error", { paths: [{ name: "zod", message: "Import { z } from \"@/lib/zod\"." }] }],
    },
  },
  {
    // Every bulk delete or update names its rows (eslint-rules/no-unbounded-write.mjs), tests and scripts included.
    plugins: { newsroom: newsroomPlugin },
    rules: { "newsroom/no-unbounded-write": "error" },
  },
  {
    files: ["lib/zod.ts", "tests/**", "e2e/**", "bench/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // server/ runs under plain node, where lib/zod.ts (TypeScript) cannot be imported; nothing in it reaches a browser.
    files: ["server/**"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "tools/**",
    "test-results/**",
    "playwright-report/**",
    "bench/.work/**",
  ]),
]);
