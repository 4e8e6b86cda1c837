import { getStorage } from "@/lib/storage";
import { storageKeyPattern } from "@/lib/storage/urls";

/**
 * Serves stored images. Keys are content-addressed by UUID and never reused,
 * so responses are cached forever. The type comes from our own key, never from
 * what the uploader claimed, and the headers forbid sniffing or running it.
 */
const typeByExtension: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" };

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!storageKeyPattern.test(key)) return new Response("Not found", { status: 404 });
  const data = await getStorage().get(key);
  if (!data) return new Response("Not found", { status: 404 });
  const extension = key.slice(key.lastIndexOf(".") + 1);
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": typeByExtension[extension] ?? "application/octet-stream",
      "Content-Length": String(data.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
