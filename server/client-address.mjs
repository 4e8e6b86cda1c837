// The client's address, decided once per request for the whole app.
//
// `next start` passes a client-sent X-Forwarded-For through untouched, so an
// app behind it cannot tell a forged header from a real one. Here the address
// comes from the socket or, with TRUST_PROXY=1, from the load balancer's
// X-Forwarded-For, and reaches the app in a header clients cannot set
// (lib/request-context.ts reads it).
import { CLIENT_ADDRESS_HEADER } from "./names.mjs";

/** What a client could say about its address or our host, believed only from a load balancer. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {{ trustProxy: boolean }} options
 */
export function assignClientAddress(request, { trustProxy }) {
  const forwarded = request.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  if (!trustProxy) {
    // Nobody in front of us: what the client says is not believed.
    for (const name of FORWARDING_HEADERS) delete request.headers[name];
  }
  request.headers[CLIENT_ADDRESS_HEADER] = (trustProxy && first) || request.socket.remoteAddress || "unknown";
}
