import type { IncomingMessage, ServerResponse } from "node:http";
import type { Paths } from "./route-cache.cjs";

/** Types for route-renders.cjs (plain JavaScript, loaded by Next.js and server.mjs without a build step). */
export function inRequestScope<T>(request: Pick<IncomingMessage, "url" | "method">, response: Pick<ServerResponse, "once">, handle: () => T): T | Promise<T>;
export function noteLookup(clock: number, hit: boolean): void;
export function noteRevalidated(paths: Paths): void;
export function noteInvalidatedHere(tags: readonly string[]): void;
export function notYetInvalidatedHere(tags: readonly string[]): string[];
export function pathOf(url: string): string;
export function renderDone(): number;
