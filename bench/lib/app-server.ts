import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { waitForPort } from "./nginx";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  pid: number;
  /** Peak resident memory of the server process so far (VmHWM), in MiB. */
  peakRssMiB: () => Promise<number>;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs: () => Promise<number>;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` (server/start.mjs, production) against the benchmark database. */
export async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<AppServer> {
  const child = spawn(process.execPath, ["server/start.mjs"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  await waitForPort(port, () => output);
  return {
    pid: child.pid!,
    output: () => output,
    peakRssMiB: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    cpuMs: async () => {
      // Fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux).
      const fields = (await readFile(`/proc/${child.pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
