import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/server/names.mjs";

/**
 * Who is asking, as far as an anonymous reader can be told apart: the client
 * address that server/client-address.mjs decided (socket, or load balancer
 * with TRUST_PROXY), and salted hashes of it. The raw address is never stored
 * anywhere.
 */

export function clientAddressFrom(requestHeaders: Headers): string {
  return requestHeaders.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** A keyed hash, so the stored value cannot be reversed by hashing every IPv4 address. */
function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`${purpose}:${value}`).digest("base64url").slice(0, 32);
}

/** What a comment stores instead of its author's IP address. */
export function ipHash(address: string): string {
  return keyedHash("ip", address);
}

/**
 * One reader for "report once each": their address plus browser, hashed.
 * Good enough to stop casual repeat reports without tracking anybody.
 */
export function readerFingerprint(address: string, userAgent: string | null): string {
  return keyedHash("reader", `${address}|${userAgent ?? ""}`);
}
