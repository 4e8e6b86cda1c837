/**
 * Why a WordPress export file as a whole was refused. Each code is one line a
 * person can act on; the import service maps the code to its message and the
 * page shows it. Anything wrong with a single post or comment is not one of
 * these: it is skipped with a reason and the rest of the file goes on.
 */
export type WxrErrorCode =
  /** Empty, binary, HTML, JSON, … — anything that is not an XML document. */
  | "not_xml"
  /** Well-formed XML (or XML-looking) that is not a WordPress export: no rss/channel, no wp:wxr_version. */
  | "not_wxr"
  /** A WXR file of a version this reader does not know (it reads 1.0, 1.1 and 1.2). */
  | "unsupported_version"
  /** The file stops before its end: cut short by a failed upload or copy. */
  | "truncated"
  /** Broken XML in the middle of the file (a bad tag, an undefined entity…). */
  | "malformed_xml"
  /** A DOCTYPE: entity declarations ("billion laughs", external entities) are never processed. */
  | "doctype_refused"
  /** One element larger than the reader holds in memory: a hostile or broken file. */
  | "element_too_large";

export class WxrError extends Error {
  constructor(
    readonly code: WxrErrorCode,
    message: string,
    /** Line in the file where the problem was seen, when there is one. */
    readonly line?: number,
  ) {
    super(message);
    this.name = "WxrError";
  }
}
