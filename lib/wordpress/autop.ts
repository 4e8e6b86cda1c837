/*
 * WordPress's paragraph rules (wpautop, wp-includes/formatting.php) as
 * WordPress 6 applies them to classic posts before showing them: a blank line
 * starts a paragraph, a single line break becomes <br />, and block-level
 * elements are never wrapped in <p>. Written for this project from
 * WordPress's documented behaviour and its unit tests; the order of the
 * steps matters, as it does in WordPress, so they are kept in that order.
 *
 * PHP's regular expressions (without the u flag) treat only ASCII as
 * whitespace, so `\s` here is spelled out: a no-break space (U+00A0) in a
 * post is text to WordPress, and must stay text to us.
 */

const S = "[ \\t\\n\\x0B\\f\\r]";
const BLOCK_TAGS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const re = (source: string, flags = "g") => new RegExp(source.replaceAll("\\s", S), flags);

const NEWLINE_IN_TAG = " <!-- wpnl --> ";

/** Tags, comments and CDATA of a string: the pieces WordPress's wp_html_split() calls elements. */
const HTML_ELEMENT = /(<(?:!--[^]*?(?:-->|$)|!\[CDATA\[[^]*?(?:\]\]>|$)|[^>]*>?))/;

/** Newlines inside tags and comments would be read as paragraph breaks; hide them until the end. */
function hideNewlinesInTags(html: string): string {
  return html
    .split(HTML_ELEMENT)
    .map((piece, index) => (index % 2 === 1 ? piece.replaceAll("\n", NEWLINE_IN_TAG) : piece))
    .join("");
}

/** <pre> is left exactly as written: it is set aside and put back after the rest is done. */
function setPreAside(html: string): { html: string; restore: (done: string) => string } {
  if (!html.includes("<pre")) return { html, restore: (done) => done };
  const parts = html.split("</pre>");
  const last = parts.pop() ?? "";
  const kept = new Map<string, string>();
  let rebuilt = "";
  for (const part of parts) {
    const start = part.indexOf("<pre");
    if (start < 0) {
      rebuilt += part; // A stray </pre>: WordPress drops it too.
      continue;
    }
    const placeholder = `<pre wp-pre-tag-${kept.size}></pre>`;
    kept.set(placeholder, `${part.slice(start)}</pre>`);
    rebuilt += part.slice(0, start) + placeholder;
  }
  return {
    html: rebuilt + last,
    restore: (done) => [...kept].reduce((text, [placeholder, original]) => text.replace(placeholder, () => original), done),
  };
}

/** Markup that must not gain paragraphs or breaks inside: form options, plugins' objects, media sources, captions. */
function collapseInsideWidgets(html: string): string {
  let text = html;
  if (text.includes("<option")) {
    text = text.replace(re("\\s*<option"), "<option").replace(re("</option>\\s*"), "</option>");
  }
  if (text.includes("</object>")) {
    text = text
      .replace(re("(<object[^<>]*>)\\s*"), "$1")
      .replace(re("\\s*</object>"), "</object>")
      .replace(re("\\s*(</?(?:param|embed)[^<>]*>)\\s*"), "$1");
  }
  if (text.includes("<source") || text.includes("<track")) {
    text = text
      .replace(re("([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*"), "$1")
      .replace(re("\\s*([<\\[]/(?:audio|video)[>\\]])"), "$1")
      .replace(re("\\s*(<(?:source|track)[^<>]*>)\\s*"), "$1");
  }
  if (text.includes("<figcaption")) {
    text = text.replace(re("\\s*(<figcaption[^<>]*>)"), "$1").replace(re("</figcaption>\\s*"), "</figcaption>");
  }
  return text;
}

/** `<p><li…</p>` → `<li…`, on one line, as WordPress's /<p>(<li.+?)<\/p>/ does — by scanning, so a hostile post cannot make it quadratic. */
function unwrapListItems(text: string): string {
  let result = "";
  let cursor = 0;
  for (let start = text.indexOf("<p><li", cursor); start >= 0; start = text.indexOf("<p><li", cursor)) {
    const lineEnd = text.indexOf("\n", start) < 0 ? text.length : text.indexOf("\n", start);
    const close = text.indexOf("</p>", start + 6);
    if (close < 0 || close + 4 > lineEnd) {
      // No </p> on this line: no <p><li on it can be unwrapped.
      result += text.slice(cursor, lineEnd);
      cursor = lineEnd;
      continue;
    }
    result += text.slice(cursor, start) + text.slice(start + 3, close);
    cursor = close + 4;
  }
  return result + text.slice(cursor);
}

/**
 * Every newline not already after a <br /> becomes "<br />\n", swallowing the
 * whitespace before it — WordPress's /(?<!<br \/>)\s*\n/ — one run of
 * whitespace at a time, so long runs of spaces cost no backtracking.
 */
function breakLines(text: string): string {
  return text.replace(/[ \t\n\x0B\f\r]+/g, (run, offset: number) => {
    const lastNewline = run.lastIndexOf("\n");
    if (lastNewline < 0) return run;
    const afterBreak = text.slice(Math.max(0, offset - 6), offset) === "<br />";
    if (!afterBreak) return `<br />\n${run.slice(lastNewline + 1)}`;
    return lastNewline === 0 ? run : `${run[0]}<br />\n${run.slice(lastNewline + 1)}`;
  });
}

export function autop(source: string, lineBreaks = true): string {
  if (source.trim() === "") return "";
  const pre = setPreAside(`${source}\n`);
  let text = pre.html;

  // Two <br>s in a row are a paragraph break.
  text = text.replace(re("<br\\s*/?>\\s*<br\\s*/?>"), "\n\n");
  // Block-level tags stand on lines of their own.
  text = text.replace(re(`(<${BLOCK_TAGS}[ \\t\\n\\x0B\\f\\r/>])`), "\n\n$1");
  text = text.replace(re(`(</${BLOCK_TAGS}>)`), "$1\n\n");
  text = text.replace(re("(<hr\\s*?/?>)"), "$1\n\n");
  text = text.replace(/\r\n|\r/g, "\n");
  text = hideNewlinesInTags(text);
  text = collapseInsideWidgets(text);
  text = text.replace(/\n\n+/g, "\n\n");

  // Every stretch between blank lines becomes a paragraph…
  const stretches = text.split(re("\\n\\s*\\n")).filter((stretch) => stretch !== "");
  text = stretches.map((stretch) => `<p>${stretch.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");

  // …then the paragraphs that should not be are undone.
  text = text.replace(re("<p>\\s*</p>"), "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  text = text.replace(re(`<p>\\s*(</?${BLOCK_TAGS}[^<>]*>)\\s*</p>`), "$1");
  text = unwrapListItems(text);
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>");
  text = text.replaceAll("</blockquote></p>", "</p></blockquote>");
  text = text.replace(re(`<p>\\s*(</?${BLOCK_TAGS}[^<>]*>)`), "$1");
  text = text.replace(re(`(</?${BLOCK_TAGS}[^<>]*>)\\s*</p>`), "$1");

  if (lineBreaks) {
    // Code in <script>, <style>, <svg> and <math> keeps its newlines as they are.
    text = text.replace(/<(script|style|svg|math)[^]*?<\/\1>/g, (element) => element.replaceAll("\n", "<WPPreserveNewline />"));
    text = text.replace(/<br>|<br\/>/g, "<br />");
    text = breakLines(text);
    text = text.replaceAll("<WPPreserveNewline />", "\n");
  }

  text = text.replace(re(`(</?${BLOCK_TAGS}[^<>]*>)\\s*<br />`), "$1");
  text = text.replace(re("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^<>]*>)"), "$1");
  text = text.replace(/\n<\/p>$/, "</p>");

  text = pre.restore(text);
  if (text.includes("<!-- wpnl -->")) text = text.replaceAll(NEWLINE_IN_TAG, "\n").replaceAll("<!-- wpnl -->", "\n");
  return text;
}
