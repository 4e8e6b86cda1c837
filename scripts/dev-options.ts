import { parseArgs } from "node:util";
import { z } from "zod";

/**
 * The command line of `npm run dev`: `--port 3555`, `--port=3555`, `-p 3555`
 * or `-p3555`, as `next dev` users type them; else PORT, else 3000. Anything
 * else is refused with one line rather than ignored.
 */

export interface DevOptions {
  port: number;
}

const usage = "npm run dev takes --port <number> (or -p <number>)";
const portNumber = z.coerce.number().int().min(1).max(65535);

export class DevUsageError extends Error {}

export function parseDevOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): DevOptions {
  // strict: false hands every token back, so each refusal can say which one and what is accepted instead.
  const { tokens } = parseArgs({ args: [...args], options: { port: { type: "string", short: "p" } }, strict: false, allowPositionals: true, tokens: true });
  let port = env.PORT || "3000";
  let portSource = env.PORT ? "PORT" : "the default";
  for (const token of tokens) {
    if (token.kind === "positional") throw new DevUsageError(`unexpected argument "${token.value}": ${usage}`);
    if (token.kind === "option-terminator") continue;
    if (token.name !== "port") throw new DevUsageError(`unknown option ${token.rawName}: ${usage}`);
    if (token.value === undefined) throw new DevUsageError(`${token.rawName} needs a port number: ${usage}`);
    port = token.value;
    portSource = token.rawName;
  }
  const parsed = portNumber.safeParse(port);
  if (!parsed.success) throw new DevUsageError(`${portSource} must be a port number (1–65535), not "${port}"`);
  return { port: parsed.data };
}
