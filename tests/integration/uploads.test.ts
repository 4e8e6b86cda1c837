import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { POST as upload } from "@/app/api/media/route";
import { GET as serveMedia } from "@/app/media/[...key]/route";
import { db } from "@/lib/db";
import { MAX_UPLOAD_BYTES } from "@/lib/services/media";
import { actAs } from "../support/request-doubles";
import { makeStaff } from "../support/staff-factory";

/**
 * Uploads are judged by their content, never by name or declared type, and
 * what is served back can only ever be an image: hostile files dressed as
 * pictures are refused and nothing is stored.
 */

function uploadRequest(bytes: Uint8Array<ArrayBuffer>, name: string, type: string) {
  const body = new FormData();
  body.append("image", new File([bytes], name, { type }));
  return new Request("http://localhost/api/media", { method: "POST", body });
}

const encode = (text: string) => new TextEncoder().encode(text);

const hostileFiles: [string, Uint8Array<ArrayBuffer>, string, string][] = [
  ["an HTML page renamed .jpg", encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"), "photo.jpg", "image/jpeg"],
  [
    "an SVG with a script",
    encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>'),
    "logo.svg",
    "image/svg+xml",
  ],
  // A real JPEG header followed by HTML: a sniffing browser might render it; the decoder refuses it.
  ["a JPEG signature in front of HTML", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...encode("<html><script>alert(1)</script></html>")]), "trick.jpg", "image/jpeg"],
];

describe("uploads are checked by content", () => {
  test.each(hostileFiles)("%s is refused with 415 and nothing is stored", async (_label, bytes, name, type) => {
    const writer = await makeStaff("WRITER");
    actAs(writer);
    const response = await upload(uploadRequest(bytes, name, type), undefined);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type", fields: { image: [expect.any(String)] } } });
    expect(await db.media.count({ where: { uploadedById: writer.id } })).toBe(0);
  });

  test("a file over 10 MB is refused with 413 before it is read", async () => {
    actAs(await makeStaff("WRITER"));
    const request = new Request("http://localhost/api/media", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_BYTES + 1024 * 1024) },
      body: "--x--",
    });
    expect((await upload(request, undefined)).status).toBe(413);
  });

  test("a real image is re-encoded and served only as an image that may not be sniffed or run", async () => {
    actAs(await makeStaff("WRITER"));
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#c00" } }).png().toBuffer();
    const response = await upload(uploadRequest(new Uint8Array(png), "page.html", "text/html"), undefined);
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/\.jpg$/);

    const key = url.replace(/^\/media\//, "");
    const served = await serveMedia(new Request(`http://localhost${url}`), { params: Promise.resolve({ key: key.split("/") }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe("jpeg");
  });
});
