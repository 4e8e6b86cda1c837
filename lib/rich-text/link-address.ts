/**
 * What a writer types or pastes into the link panel, as the address a link
 * gets. People paste full addresses, type `example.org/report` without a
 * scheme, or paste over a `https://` they typed first; all of these are
 * links to the same page. Addresses without a scheme are https, as browsers
 * assume; a bare email address becomes a mailto: link. Anything else with a
 * scheme (javascript:, ftp:, tel:) is not a link a story can carry.
 */

const schemePrefix = /^(?:https?:\/\/|mailto:)/i;
/** A scheme typed or pasted in front of another full address: the last one is meant. */
const repeatedScheme = /^(?:\s*https?:\/\/)+(?=\s*(?:https?:\/\/|mailto:))/i;
/** Something before a colon that is not a host name (no dot): javascript:, tel:, localhost:… */
const otherScheme = /^[a-z][a-z0-9+.-]*:/i;
const bareEmail = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/** The field's text with a doubled scheme taken out ("https://https://x" → "https://x"), as it is typed. */
export function withoutRepeatedScheme(typed: string): string {
  return typed.replace(repeatedScheme, "").replace(/^\s+/, "");
}

function hasDomain(hostname: string): boolean {
  return hostname.includes(".") && !hostname.startsWith(".") && !hostname.endsWith(".");
}

/** The address for a link, or null when the text is not a web or email address. */
export function linkAddressFrom(typed: string): string | null {
  let address = withoutRepeatedScheme(typed).trim();
  if (address === "" || /\s/.test(address)) return null;
  if (address.startsWith("//")) address = `https:${address}`;
  else if (bareEmail.test(address)) address = `mailto:${address}`;
  else if (!schemePrefix.test(address)) {
    const beforeColon = otherScheme.exec(address)?.[0].slice(0, -1);
    if (beforeColon && !beforeColon.includes(".")) return null;
    address = `https://${address}`;
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol === "mailto:") return bareEmail.test(url.pathname) ? address : null;
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return hasDomain(url.hostname) ? address : null;
}
