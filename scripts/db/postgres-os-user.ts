import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

/**
 * PostgreSQL refuses to run as root. A root process therefore runs initdb and
 * postgres as the unprivileged `postgres` OS user, creating it once (a system
 * user with no home and no login shell) when the machine has none.
 */

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

const run = promisify(execFile);
const USER = "postgres";

export const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function lookUp(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

async function groupExists(name: string): Promise<boolean> {
  return run("getent", ["group", name]).then(
    () => true,
    () => false,
  );
}

/** The `postgres` OS user, created if missing. Throws one line saying what to do when it cannot be. */
export async function postgresOsUser(): Promise<OsUser> {
  const existing = await lookUp(USER);
  if (existing) return existing;
  try {
    // --user-group fails when a `postgres` group already exists (left by an uninstalled package, say).
    const group = (await groupExists(USER)) ? ["--gid", USER] : ["--user-group"];
    await run("useradd", ["--system", ...group, "--no-create-home", "--shell", "/usr/sbin/nologin", USER]);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `PostgreSQL does not run as root and there is no \`${USER}\` user to run it as (creating one failed: ${reason}); ` +
        `create one (\`useradd --system ${USER}\`), run as an ordinary user, or set DATABASE_URL to a PostgreSQL you run`,
    );
  }
  const created = await lookUp(USER);
  if (!created) throw new Error(`useradd reported success but there is still no \`${USER}\` user; set DATABASE_URL to a PostgreSQL you run`);
  return created;
}

/**
 * Whether `user` can reach `target`: enter every directory on the way and
 * search (or, for a file, execute) the target itself. Asked of the kernel, as
 * that user, so modes, ACLs and mount options all count. Like the processes
 * we start as that user (libuv drops supplementary groups), it runs with the
 * user's primary group only.
 */
export function canReach(user: OsUser, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "probe", target], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return probe.status === 0;
}
