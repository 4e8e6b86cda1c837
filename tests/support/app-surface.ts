import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Everything a caller can reach on the server, found by reading the source
 * tree rather than listed by hand, so a new action, route or page cannot be
 * added without the authorization matrix noticing:
 *
 * - server actions: every exported function of a module that starts with "use server";
 * - route handlers: every HTTP method exported by an app/**\/route.ts;
 * - pages: every app/**\/page.tsx, wherever it lives. Which of them are for
 *   staff is not guessed from the path: the matrix gives each page a row saying
 *   who may see it, and rendering it as every caller proves the row right.
 */

const root = path.resolve(import.meta.dirname, "../..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export interface SurfaceEntry {
  /** How the matrix names it: "action app/…/actions.ts#name", "route /api/…/path POST", "page /address/[param]". */
  id: string;
  file: string;
  exportName: string;
}

function sourceFiles(dir: string): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }) as string[])
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("generated"))
    .map((file) => path.join(dir, file).split(path.sep).join("/"))
    .sort();
}

/** The address a file under app/ answers at: route groups "(name)" take no part in it. */
function addressOf(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1).filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function read(file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

const startsWithUseServer = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);

export async function discoverServerActions(): Promise<SurfaceEntry[]> {
  const files = [...sourceFiles("app"), ...sourceFiles("lib")].filter((file) => startsWithUseServer(read(file)));
  const entries: SurfaceEntry[] = [];
  for (const file of files) {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (typeof value === "function") entries.push({ id: `action ${file}#${exportName}`, file, exportName });
    }
  }
  return entries;
}

export function discoverRouteHandlers(): SurfaceEntry[] {
  return sourceFiles("app")
    .filter((file) => /(^|\/)route\.ts$/.test(file))
    .flatMap((file) => {
      const source = read(file);
      // `export const GET`, `export async function POST`, `export { GET, POST } from …`.
      return httpMethods
        .filter((method) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source))
        .map((method) => ({ id: `route ${addressOf(file)} ${method}`, file, exportName: method }));
    });
}

export function discoverPages(): SurfaceEntry[] {
  return sourceFiles("app")
    .filter((file) => /(^|\/)page\.tsx$/.test(file))
    .map((file) => ({ id: `page ${addressOf(file)}`, file, exportName: "default" }));
}

export async function importExport(entry: SurfaceEntry): Promise<unknown> {
  const exports = (await import(path.join(root, entry.file))) as Record<string, unknown>;
  return exports[entry.exportName];
}
