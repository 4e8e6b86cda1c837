/*
 * WordPress turns an address standing alone on a line into an embedded player
 * (oEmbed) when it knows the site, and into a plain link otherwise. Newsroom
 * has no embeds, so both become a paragraph holding a link to the address;
 * those of a known provider are counted as embeds in the report.
 */

/** Hosts of the oEmbed providers WordPress knows (wp-includes/class-wp-oembed.php), by the name the report uses. */
const PROVIDERS: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/, "YouTube"],
  [/(^|\.)vimeo\.com$/, "Vimeo"],
  [/(^|\.)(twitter\.com|x\.com)$/, "X (Twitter)"],
  [/(^|\.)(instagram\.com|instagr\.am)$/, "Instagram"],
  [/(^|\.)facebook\.com$/, "Facebook"],
  [/(^|\.)soundcloud\.com$/, "SoundCloud"],
  [/(^|\.)spotify\.com$/, "Spotify"],
  [/(^|\.)(flickr\.com|flic\.kr)$/, "Flickr"],
  [/(^|\.)tiktok\.com$/, "TikTok"],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/, "Dailymotion"],
  [/(^|\.)reddit\.com$/, "Reddit"],
  [/(^|\.)(ted\.com)$/, "TED"],
  [/(^|\.)tumblr\.com$/, "Tumblr"],
  [/(^|\.)(scribd\.com|issuu\.com|slideshare\.net|speakerdeck\.com)$/, "Document"],
  [/(^|\.)(mixcloud\.com|reverbnation\.com|audiomack\.com)$/, "Audio"],
  [/(^|\.)(imgur\.com|smugmug\.com|cloudup\.com)$/, "Images"],
  [/(^|\.)(pinterest\.com|kickstarter\.com|crowdsignal\.com|polldaddy\.com|wordpress\.tv|videopress\.com|animoto\.com|pocketcasts\.com|amazon\.com)$/, "Other"],
];

/** The provider's name for an address WordPress would embed, or null for an address it would only link. */
export function embedProvider(address: string): string | null {
  let host: string;
  try {
    const url = new URL(address);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    host = url.hostname.toLowerCase();
  } catch {
    return null;
  }
  return PROVIDERS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/** An http(s) address alone on a line, as WordPress's autoembed finds them. */
export const BARE_ADDRESS_LINE = /^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gim;
/** …or alone in a paragraph. */
export const BARE_ADDRESS_PARAGRAPH = /(<p(?: [^>]*)?>[ \t\n]*)(https?:\/\/[^\s<>"]+)([ \t\n]*<\/p>)/gi;
