/**
 * A strict reader of PHP's serialize() format, for the few post meta values
 * WordPress stores that way (`_wp_attachment_metadata`, `_menu_item_classes`).
 *
 * Only plain data is read: arrays, strings, integers, floats, booleans and
 * null. Objects (`O:`/`C:`), references (`r:`/`R:`) and enums (`E:`) are
 * refused rather than interpreted — PHP's own unserialize() on such input is a
 * well-known way to run code, and we have no use for them. The npm packages
 * that read this format (php-serialize, phpunserialize) rebuild objects, which
 * is exactly what we do not want, so this is our own ~100 lines.
 *
 * String lengths in the format count UTF-8 bytes, so the input is read as bytes.
 */

export type PhpValue = string | number | boolean | null | PhpArray;
export type PhpArray = Map<string | number, PhpValue>;

const MAX_DEPTH = 32;

class Refused extends Error {}

/** The value, or undefined when the text is not a serialized value of the kinds above. */
export function parsePhpSerialized(text: string): PhpValue | undefined {
  const bytes = Buffer.from(text, "utf8");
  try {
    const reader = new ByteReader(bytes);
    const value = reader.value(0);
    if (reader.offset !== bytes.length) return undefined;
    return value;
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

/** Follows keys into nested arrays: phpPath(meta, "image_meta", "credit"). */
export function phpPath(value: PhpValue | undefined, ...keys: (string | number)[]): PhpValue | undefined {
  let current = value;
  for (const key of keys) {
    if (!(current instanceof Map)) return undefined;
    current = current.get(key);
  }
  return current;
}

class ByteReader {
  offset = 0;

  constructor(private readonly bytes: Buffer) {}

  value(depth: number): PhpValue {
    if (depth > MAX_DEPTH) throw new Refused();
    const type = this.char();
    if (type === "N") {
      this.expect(";");
      return null;
    }
    this.expect(":");
    switch (type) {
      case "i":
        return this.integer(";");
      case "d":
        return this.float();
      case "b": {
        const flag = this.integer(";");
        if (flag !== 0 && flag !== 1) throw new Refused();
        return flag === 1;
      }
      case "s":
        return this.string();
      case "a":
        return this.array(depth);
      default:
        // O, C (objects), r, R (references), E (enums) and anything unknown.
        throw new Refused();
    }
  }

  private string(): string {
    const length = this.integer(":");
    this.expect('"');
    const end = this.offset + length;
    if (length < 0 || end > this.bytes.length) throw new Refused();
    const text = this.bytes.toString("utf8", this.offset, end);
    this.offset = end;
    this.expect('"');
    this.expect(";");
    return text;
  }

  private array(depth: number): PhpArray {
    const count = this.integer(":");
    if (count < 0 || count > this.bytes.length) throw new Refused();
    this.expect("{");
    const entries: PhpArray = new Map();
    for (let index = 0; index < count; index += 1) {
      const key = this.value(depth + 1);
      if (typeof key !== "string" && typeof key !== "number") throw new Refused();
      entries.set(key, this.value(depth + 1));
    }
    this.expect("}");
    return entries;
  }

  private integer(terminator: string): number {
    const digits = this.until(terminator);
    if (!/^[+-]?\d{1,18}$/.test(digits)) throw new Refused();
    return Number(digits);
  }

  private float(): number {
    const digits = this.until(";");
    if (/^(?:INF|-INF|NAN)$/.test(digits)) return Number.NaN;
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(digits)) throw new Refused();
    return Number(digits);
  }

  private until(terminator: string): string {
    const end = this.bytes.indexOf(terminator, this.offset, "latin1");
    if (end < 0 || end - this.offset > 40) throw new Refused();
    const text = this.bytes.toString("latin1", this.offset, end);
    this.offset = end + 1;
    return text;
  }

  private char(): string {
    if (this.offset >= this.bytes.length) throw new Refused();
    return String.fromCharCode(this.bytes[this.offset++]!);
  }

  private expect(character: string): void {
    if (this.char() !== character) throw new Refused();
  }
}
