import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every page the app has, read from app/**\/page.tsx (route groups dropped,
 * `[param]` matching one segment), so a crawl can prove it visited them all.
 */
export interface PageRoute {
  pattern: string;
  regex: RegExp;
}

export function pageRoutes(): PageRoute[] {
  // Playwright loads specs as CommonJS, where import.meta is not available.
  const appDir = path.resolve(__dirname, "../../app");
  return (readdirSync(appDir, { recursive: true, encoding: "utf8" }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .map((file) => {
      const segments = path.posix.dirname(file).split("/").filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      const pattern = `/${segments.join("/")}`;
      const regex = new RegExp(
        `^/${segments.map((segment) => (/^\[\.\.\..+\]$/.test(segment) ? ".+" : /^\[.+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/")}$`,
      );
      return { pattern, regex };
    })
    // Static segments before parameters: /dashboard/articles/new is not /dashboard/articles/[id].
    .sort((a, b) => (a.pattern.match(/\[/g)?.length ?? 0) - (b.pattern.match(/\[/g)?.length ?? 0));
}

export function routeOf(routes: PageRoute[], pathname: string): string | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return routes.find((route) => route.regex.test(normalized))?.pattern;
}
