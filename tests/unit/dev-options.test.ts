import { describe, expect, test } from "vitest";
import { parseDevOptions } from "../../scripts/dev-options";

describe("npm run dev's command line", () => {
  test.each([
    [["--port", "3555"], {}, 3555],
    [["--port=3555"], {}, 3555],
    [["-p", "3555"], {}, 3555],
    [["-p3555"], {}, 3555],
    [["--port", "3555"], { PORT: "4000" }, 3555],
    [[], { PORT: "4000" }, 4000],
    [[], {}, 3000],
  ])("%j with %j serves on %i", (args, env, port) => {
    expect(parseDevOptions(args, env)).toEqual({ port });
  });

  test.each([
    [["--turbo"], "unknown option --turbo: npm run dev takes --port <number> (or -p <number>)"],
    [["3555"], 'unexpected argument "3555": npm run dev takes --port <number> (or -p <number>)'],
    [["--port"], "--port needs a port number: npm run dev takes --port <number> (or -p <number>)"],
    [["-p", "70000"], '-p must be a port number (1–65535), not "70000"'],
    [["--port=web"], '--port must be a port number (1–65535), not "web"'],
  ])("%j is refused in one line", (args, message) => {
    expect(() => parseDevOptions(args, {})).toThrow(message);
  });
});
