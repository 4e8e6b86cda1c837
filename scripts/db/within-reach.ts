import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, lstat, mkdir, readdir, readlink, rename, rm, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import { canReach, type OsUser } from "./postgres-os-user";

/**
 * When root starts PostgreSQL as the `postgres` OS user from a clone under a
 * private directory (root's own home is mode 0700), that user can reach
 * neither the binaries in node_modules nor the data under .data/. Rather than
 * loosen the permissions of someone's home, both move to RUNTIME_HOME, a
 * directory of root's that every user may enter: the binaries as a copy made
 * once per version, the data for good, with a symbolic link left where it was
 * asked for so that `.data/postgres` still shows where it is.
 */

const RUNTIME_HOME = "/var/lib/newsroom-embedded-postgres";

export interface PostgresBinaries {
  /** The directory holding bin/, lib/ and share/. */
  home: string;
  /** Names the copy: `<package version>-<platform>`. */
  release: string;
}

export const initdbOf = (binaries: PostgresBinaries) => path.join(binaries.home, "bin", "initdb");
export const postgresOf = (binaries: PostgresBinaries) => path.join(binaries.home, "bin", "postgres");

const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];

async function ensureRuntimeHome(): Promise<void> {
  await mkdir(RUNTIME_HOME, { recursive: true });
  // mkdir's mode is cut by the umask, which may well be 077 for root.
  await chmod(RUNTIME_HOME, 0o755);
}

/** chmod -R a+rX: a root with umask 077 may have installed node_modules readable by root alone. */
async function openToEveryone(directory: string): Promise<void> {
  await chmod(directory, 0o755);
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mode } = await lstat(file);
    const executable = entry.isDirectory() || (mode & 0o100) !== 0;
    await chmod(file, (mode & 0o7777) | 0o444 | (executable ? 0o111 : 0));
  }
}

/** The binaries themselves when `user` can run them, else a copy it can run. */
export async function binariesWithinReach(binaries: PostgresBinaries, user: OsUser): Promise<PostgresBinaries> {
  if (canReach(user, initdbOf(binaries)) && canReach(user, postgresOf(binaries))) return binaries;
  const copy: PostgresBinaries = { home: path.join(RUNTIME_HOME, `postgresql-${binaries.release}`), release: binaries.release };
  if (!existsSync(postgresOf(copy))) {
    const partial = `${copy.home}.partial-${randomBytes(4).toString("hex")}`;
    try {
      await ensureRuntimeHome();
      await cp(binaries.home, partial, { recursive: true, verbatimSymlinks: true });
      await openToEveryone(partial);
      // Renamed into place whole, so a copy interrupted half-way is never used.
      await rename(partial, copy.home).catch((error: unknown) => {
        if (!existsSync(postgresOf(copy))) throw error; // else another start won the race with the same copy
      });
    } catch (error) {
      throw new Error(
        `the postgres OS user cannot reach PostgreSQL's binaries in ${binaries.home} and copying them to ${RUNTIME_HOME} failed ` +
          `(${oneLine(error)}); clone the project into a directory every user can enter, or set DATABASE_URL to a PostgreSQL you run`,
      );
    } finally {
      await rm(partial, { recursive: true, force: true }).catch(() => {}); // never hide the reason above
    }
  }
  if (!canReach(user, postgresOf(copy))) {
    throw new Error(`the postgres OS user cannot run ${postgresOf(copy)}; make ${RUNTIME_HOME} enterable for every user, or set DATABASE_URL`);
  }
  return copy;
}

async function symbolicLinkTarget(file: string): Promise<string | undefined> {
  const stats = await lstat(file).catch(() => undefined);
  return stats?.isSymbolicLink() ? path.resolve(path.dirname(file), await readlink(file)) : undefined;
}

/**
 * `dataDir` itself when `user` can reach the directory it lives in, else a
 * directory under RUNTIME_HOME that `dataDir` becomes a link to (kept across
 * runs: the link is followed the next time).
 */
export async function dataDirWithinReach(dataDir: string, user: OsUser, log: (line: string) => void): Promise<string> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (canReach(user, path.dirname(dataDir))) return dataDir;

  const linked = await symbolicLinkTarget(dataDir);
  if (linked) {
    if (!existsSync(linked)) await ensureRuntimeHome(); // someone removed it to start afresh
    return linked;
  }
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `the postgres OS user cannot reach the database in ${dataDir} (a directory above it is private); ` +
        `move that directory under ${RUNTIME_HOME} and leave a symbolic link in its place, or set DATABASE_URL`,
    );
  }
  const target = path.join(RUNTIME_HOME, `data-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`);
  try {
    await ensureRuntimeHome();
    // An empty directory (an earlier attempt's) gives way to the link; anything else in it stops us here.
    if (existsSync(dataDir)) await rmdir(dataDir);
    await symlink(target, dataDir);
  } catch (error) {
    throw new Error(`the postgres OS user cannot reach ${dataDir} and it could not be moved to ${RUNTIME_HOME} (${oneLine(error)}); set DATABASE_URL`);
  }
  log(`the postgres OS user cannot reach ${path.dirname(dataDir)} (a directory above it is private), so the data lives in ${target}; ${dataDir} links to it`);
  return target;
}
