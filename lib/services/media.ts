import "server-only";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";

/**
 * Image uploads. The file is judged by its content, not its name or declared
 * type: sharp must decode it as a raster image, or it is refused. What is
 * stored is sharp's re-encoding (metadata stripped, at most 2000 px wide), so
 * nothing the uploader sent is ever served back byte for byte.
 */

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_WIDTH = 2000;
const acceptedFormats = new Set(["jpeg", "png", "webp", "gif", "avif", "tiff"]);

export interface StoredImage {
  id: string;
  key: string;
  width: number;
  height: number;
}

export async function storeImage(data: Buffer, uploadedById: string | null): Promise<StoredImage> {
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", "Images can be at most 10 MB.", { image: ["Images can be at most 10 MB."] });
  }
  let format: string | undefined;
  try {
    format = (await sharp(data).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !acceptedFormats.has(format)) {
    throw new AppError("unsupported_media_type", "That file is not an image we can use.", {
      image: ["Upload a JPEG, PNG, WebP, GIF or AVIF image."],
    });
  }
  const { data: encoded, info } = await sharp(data)
    .rotate()
    .resize({ width: MAX_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });

  const now = new Date();
  const key = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}.jpg`;
  await getStorage().put(key, encoded);
  const media = await db.media.create({
    data: { key, mimeType: "image/jpeg", width: info.width, height: info.height, byteSize: info.size, uploadedById },
    select: { id: true, key: true, width: true, height: true },
  });
  return media;
}
