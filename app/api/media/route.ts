import { apiRoute, jsonResponse } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/http/cross-site";
import { MAX_UPLOAD_BYTES, storeImage } from "@/lib/services/media";
import { mediaUrl } from "@/lib/storage/urls";

/**
 * Image uploads from the article editor (featured images and images in the
 * body): staff who may write, same-origin only, one image per request, at most
 * 10 MB. The file is judged by its content in lib/services/media.ts.
 * A route handler rather than a server action, because server actions cap
 * request bodies well below the size of a photo.
 */
export const dynamic = "force-dynamic";

/** Multipart framing around the file: boundary lines and part headers. */
const ENVELOPE_BYTES = 64 * 1024;

export const POST = apiRoute(async (request: Request) => {
  const user = await requireUser("article:draft");
  // proxy.ts refuses these first; checked again here, as every handler checks what it relies on.
  if (isCrossSiteWrite(request.method, request.headers)) throw new AppError("forbidden", "Uploads must come from the dashboard.");

  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) {
    throw new AppError("payload_too_large", "Images can be at most 10 MB.", { image: ["Images can be at most 10 MB."] });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("invalid_input", "Send the image as a multipart form field named “image”.", { image: ["Choose an image to upload."] });
  }
  const file = form.get("image");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("invalid_input", "Choose an image to upload.", { image: ["Choose an image to upload."] });
  }
  const stored = await storeImage(Buffer.from(await file.arrayBuffer()), user.id);
  return jsonResponse({ id: stored.id, url: mediaUrl(stored.key), width: stored.width, height: stored.height }, { status: 201 });
});
