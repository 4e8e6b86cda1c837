import { parsePhpSerialized, phpPath, type PhpValue } from "./php-serialized";
import { plainText } from "./text";
import type { WxrItem } from "./wxr-types";

export interface ImageSize {
  /** WordPress's size name: "thumbnail", "medium", "large", "medium_large"… */
  name: string;
  /** The file name beside the original (same folder). */
  file: string;
  width: number | null;
  height: number | null;
}

export interface AttachmentDetails {
  wordpressId: number;
  /** The address of the original on the old site. */
  url: string;
  /** The path under wp-content/uploads (`2016/06/mosul-frontline.jpg`), for --uploads. */
  uploadPath: string;
  title: string;
  /** What WordPress shows under the image: the attachment's excerpt. */
  caption: string;
  alt: string;
  /** The photographer or agency, from the picture's own IPTC data as WordPress read it. */
  credit: string;
  width: number | null;
  height: number | null;
  sizes: ImageSize[];
  /** The post it was uploaded to, or null. */
  parentWordpressId: number | null;
  /** Set when `_wp_attachment_metadata` could not be read (objects, a broken length…). */
  metadataNote?: string;
}

export const metaValue = (item: Pick<WxrItem, "meta">, key: string): string | undefined => item.meta.find((meta) => meta.key === key)?.value;

const text = (value: PhpValue | undefined): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const dimension = (value: PhpValue | undefined): number | null => {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : null;
};

/** Everything an importer needs of an attachment item to bring the image over. */
export function attachmentDetails(item: WxrItem): AttachmentDetails {
  const rawMetadata = metaValue(item, "_wp_attachment_metadata");
  const metadata = rawMetadata === undefined ? undefined : parsePhpSerialized(rawMetadata);
  const sizes: ImageSize[] = [];
  const sizeMap = phpPath(metadata, "sizes");
  if (sizeMap instanceof Map) {
    for (const [name, size] of sizeMap) {
      const file = text(phpPath(size, "file"));
      if (file) sizes.push({ name: String(name), file, width: dimension(phpPath(size, "width")), height: dimension(phpPath(size, "height")) });
    }
  }
  const details: AttachmentDetails = {
    wordpressId: item.wordpressId,
    url: item.attachmentUrl || item.guid,
    uploadPath: (metaValue(item, "_wp_attached_file") ?? text(phpPath(metadata, "file"))).trim(),
    title: plainText(item.title),
    caption: plainText(item.excerpt),
    alt: (metaValue(item, "_wp_attachment_image_alt") ?? "").trim(),
    credit: text(phpPath(metadata, "image_meta", "credit")).trim(),
    width: dimension(phpPath(metadata, "width")),
    height: dimension(phpPath(metadata, "height")),
    sizes,
    parentWordpressId: item.parentId > 0 ? item.parentId : null,
  };
  if (rawMetadata !== undefined && metadata === undefined) details.metadataNote = "its _wp_attachment_metadata could not be read safely: credit and sizes unknown";
  return details;
}

/** The featured image's attachment id (`_thumbnail_id`), or null. */
export function featuredImageId(item: Pick<WxrItem, "meta">): number | null {
  const value = metaValue(item, "_thumbnail_id")?.trim() ?? "";
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null;
}
