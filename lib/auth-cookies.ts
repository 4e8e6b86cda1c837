/**
 * Whether session cookies carry `Secure` (next-auth then also uses the
 * `__Secure-`/`__Host-` cookie names). Always when the site is served over
 * https, and in production everywhere except a local trial on a loopback
 * address (`npm start` on http://localhost, as the e2e suite runs it): a real
 * deployment sits behind TLS, usually ended at the load balancer, and its
 * SITE_URL says https.
 */
export function sessionCookiesSecure({ NODE_ENV, SITE_URL }: { NODE_ENV: string; SITE_URL: string }): boolean {
  const url = new URL(SITE_URL);
  if (url.protocol === "https:") return true;
  const loopback = url.hostname === "localhost" || url.hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
  return NODE_ENV === "production" && !loopback;
}
