import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/**
 * The wire between a client component and a server action, as a production
 * build of Next.js 16 (Turbopack) runs it: the browser encodes the arguments
 * with React's `encodeReply`, the server decodes them with `decodeReply`, each
 * side with a temporary reference set (next/dist/client/.../server-action-reducer
 * and next/dist/server/app-render/action-handler). Calling an action directly
 * skips this step, and with it everything the encoding cannot carry: an object
 * it does not send as data arrives as an opaque reference the server cannot read.
 *
 * The halves are React's own production builds that Next ships. The server
 * half refuses to load outside React's "react-server" condition, so both are
 * loaded with `react` and `react-dom` pointing at the builds Next gives each
 * side (the rest of the test process keeps its ordinary conditions).
 */

const nodeRequire = createRequire(import.meta.url);
const compiled = path.dirname(nodeRequire.resolve("next/package.json")) + "/dist/compiled";

/** Loads one CommonJS file of Next's compiled React with some of its imports replaced by modules given here. */
function loadCommonJs(file: string, replacements: Record<string, unknown> = {}): Record<string, unknown> {
  const filename = path.join(compiled, file);
  const ownRequire = createRequire(filename);
  const requireWithReplacements = (id: string) => (id in replacements ? replacements[id] : ownRequire(id));
  const loaded = { exports: {} as Record<string, unknown> };
  const wrapped = vm.runInThisContext(Module.wrap(readFileSync(filename, "utf8")), { filename }) as (...args: unknown[]) => void;
  wrapped(loaded.exports, requireWithReplacements, loaded, filename, path.dirname(filename));
  return loaded.exports;
}

interface BrowserHalf {
  createTemporaryReferenceSet: () => unknown;
  encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<string | FormData>;
}
interface ServerHalf {
  createTemporaryReferenceSet: () => unknown;
  decodeReply: <T>(body: string | FormData, manifest: Record<string, never>, options: { temporaryReferences: unknown }) => Promise<T>;
}

let halves: { browser: BrowserHalf; server: ServerHalf } | undefined;

function wire() {
  if (halves) return halves;
  const browserReactDom = loadCommonJs("react-dom/cjs/react-dom.production.js");
  const serverReact = loadCommonJs("react/cjs/react.react-server.production.js");
  const serverReactDom = loadCommonJs("react-dom/cjs/react-dom.react-server.production.js", { "next/dist/compiled/react": serverReact });
  halves = {
    browser: loadCommonJs("react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.browser.production.js", {
      "react-dom": browserReactDom,
    }) as unknown as BrowserHalf,
    server: loadCommonJs("react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js", {
      react: serverReact,
      "react-dom": serverReactDom,
    }) as unknown as ServerHalf,
  };
  return halves;
}

/** The arguments as the server action receives them after the browser sent them. */
async function acrossTheWire<Args extends unknown[]>(args: Args): Promise<Args> {
  const { browser, server } = wire();
  const body = await browser.encodeReply(args, { temporaryReferences: browser.createTemporaryReferenceSet() });
  return server.decodeReply<Args>(body, {}, { temporaryReferences: server.createTemporaryReferenceSet() });
}

/** Calls a server action the way a client component's call reaches it. */
export async function callFromTheBrowser<Args extends unknown[], Result>(action: (...args: Args) => Promise<Result>, ...args: Args): Promise<Result> {
  return action(...(await acrossTheWire(args)));
}
