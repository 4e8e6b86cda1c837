import { spawn } from "node:child_process";

/**
 * HTTP load with wrk (Debian's package): a C load generator that costs the
 * machine far less than the server it measures, which matters on two cores.
 */

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx/3xx answers plus socket errors. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  threads?: number;
  /** A wrk Lua script (request generation, headers). */
  script?: string;
  /** Arguments for the script (after `--`). */
  scriptArgs?: string[];
  headers?: Record<string, string>;
}

function toMs(value: string, unit: string): number {
  const number = Number(value);
  if (unit === "us") return number / 1000;
  if (unit === "s") return number * 1000;
  if (unit === "m") return number * 60_000;
  return number;
}

function parseWrk(output: string): LoadResult {
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(output);
    if (!match) throw new Error(`wrk output has no ${p}th percentile:\n${output}`);
    return toMs(match[1]!, match[2]!);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const total = /(\d+) requests in/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  if (!rps || !total) throw new Error(`unexpected wrk output:\n${output}`);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: percentile("50"),
    p99Ms: percentile("99"),
    requests: Number(total[1]),
    failures: Number(non2xx?.[1] ?? 0) + errors,
  };
}

/** One wrk run; `output` keeps wrk's text for what a script prints in its done(). */
export function runWrk(options: LoadOptions): Promise<LoadResult & { output: string }> {
  const args = [`-t${options.threads ?? 2}`, `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "--timeout", "5s"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.script) args.push("-s", options.script);
  args.push(options.url);
  if (options.scriptArgs?.length) args.push("--", ...options.scriptArgs);
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      try {
        resolve({ ...parseWrk(output), output });
      } catch (error) {
        reject(error);
      }
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
