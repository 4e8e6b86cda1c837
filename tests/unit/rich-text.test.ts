import { DOMParser as ProseMirrorDOMParser } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { articleBodySchema, InvalidDocumentError, paragraphsToDocument, parseDocument, renderBody } from "@/lib/rich-text/render";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

describe("renderBody", () => {
  test("paragraphs, headings, emphasis, lists and quotes render as HTML", () => {
    const { html, text: plain } = renderBody(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("What we know")] },
        paragraph(text("Bold", [{ type: "bold" }]), text(" and "), text("italic", [{ type: "italic" }])),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("one"))] }] },
        { type: "blockquote", content: [paragraph(text("quoted"))] },
      ),
    );
    expect(html).toBe(
      "<h2>What we know</h2><p><strong>Bold</strong> and <em>italic</em></p><ul><li><p>one</p></li></ul><blockquote><p>quoted</p></blockquote>",
    );
    expect(plain).toBe("What we know\n\nBold and italic\n\none\n\nquoted");
  });

  test("text that looks like markup is escaped, never interpreted", () => {
    const { html } = renderBody(paragraphsToDocument(['<script>alert(1)</script><img src=x onerror="alert(2)">']));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  test.each([
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["javascript: with a tab inside", "java\tscript:alert(1)"],
    ["javascript: in mixed case with leading space", " JaVaScRiPt:alert(1)"],
  ])("a %s link cannot run script", (_label, href) => {
    const { html, document } = renderBody(doc(paragraph(text("click", [{ type: "link", attrs: { href } }]))));
    expect(html).toContain("click");
    // The stored document, which the editor draws in a browser, loses the link too; its text stays.
    expect(document).toEqual(doc(paragraph(text("click"))));
    // What a browser would follow: the attribute decoded, tabs and newlines dropped.
    const followed = (/href="([^"]*)"/.exec(html)?.[1] ?? "").replace(/&amp;/g, "&").replace(/[\t\n\r]/g, "").trim();
    expect(followed).not.toMatch(/^(javascript|data|vbscript):/i);
  });

  test("safe links keep their address and get rel=noopener noreferrer", () => {
    const { html } = renderBody(doc(paragraph(text("agency", [{ type: "link", attrs: { href: "https://en.abna24.com/", target: "_blank" } }]))));
    expect(html).toBe('<p><a href="https://en.abna24.com/" rel="noopener noreferrer">agency</a></p>');
  });

  test("images keep only their address and descriptions, and load lazily", () => {
    const { html } = renderBody(doc({ type: "image", attrs: { src: "https://example.com/a.jpg", alt: 'say "hi"', title: null } }));
    expect(html).toBe('<img src="https://example.com/a.jpg" alt="say &quot;hi&quot;" loading="lazy" decoding="async" />');
  });

  test("an image with a javascript: address loses it", () => {
    const { html } = renderBody(doc({ type: "image", attrs: { src: "javascript:alert(1)", alt: "x" } }));
    expect(html).not.toContain("javascript:");
  });

  test.each(["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "jav\tascript:alert(1)"])(
    "an image at %s is dropped from the stored document; a document left empty keeps one paragraph",
    (src) => {
      const { document } = renderBody(doc({ type: "image", attrs: { src, alt: "x" } }, paragraph(text("after"))));
      expect(JSON.stringify(document)).not.toContain("image");
      expect(renderBody(doc({ type: "image", attrs: { src, alt: "x" } })).document).toEqual(doc({ type: "paragraph" }));
    },
  );

  test("safe addresses and relative ones (our own uploads) stay in the stored document", () => {
    const kept = doc(
      paragraph(text("mail", [{ type: "link", attrs: { href: "mailto:desk@example.org" } }])),
      { type: "image", attrs: { src: "/media/2026/photo.webp", alt: "a photo" } },
    );
    expect(JSON.stringify(renderBody(kept).document)).toContain("mailto:desk@example.org");
    expect(JSON.stringify(renderBody(kept).document)).toContain("/media/2026/photo.webp");
  });
});

describe("an image's caption and credit", () => {
  const image = (attrs: Record<string, unknown>) => doc({ type: "image", attrs: { src: "https://example.com/a.jpg", alt: "a terrace", ...attrs } });

  test("render as a figure: the caption, then the credit as the featured image shows it", () => {
    const { html } = renderBody(image({ caption: "Terrace season on Rue Saint-Denis.", credit: "Tomás Núñez" }));
    expect(html).toBe(
      '<figure><img src="https://example.com/a.jpg" alt="a terrace" loading="lazy" decoding="async" /><figcaption><span dir="auto">Terrace season on Rue Saint-Denis.</span> <small>Photo: <bdi>Tomás Núñez</bdi></small></figcaption></figure>',
    );
  });

  test.each([
    ["a caption alone", { caption: "Sand berms south of Mosul" }, '<figcaption><span dir="auto">Sand berms south of Mosul</span></figcaption>'],
    ["a credit alone, right to left", { credit: "© الجهاد في سبيل الله" }, "<figcaption><small>Photo: <bdi>© الجهاد في سبيل الله</bdi></small></figcaption>"],
  ])("%s", (_label, attrs, figcaption) => {
    expect(renderBody(image(attrs)).html).toContain(figcaption);
  });

  test("are text: markup in them is escaped, never interpreted", () => {
    const { html } = renderBody(image({ caption: '<img src=x onerror="alert(1)">', credit: "<script>alert(2)</script>" }));
    expect(html).not.toMatch(/<img src=x|<script/);
    expect(html).toContain("&lt;script&gt;");
  });

  test("an image without them, and a document saved before they existed, render the plain <img> as before", () => {
    const before = doc({ type: "image", attrs: { src: "https://example.com/a.jpg", alt: "x", title: null } });
    expect(() => parseDocument(before)).not.toThrow();
    expect(renderBody(before).html).toBe('<img src="https://example.com/a.jpg" alt="x" loading="lazy" decoding="async" />');
    expect(renderBody(image({ caption: "  ", credit: null })).html).not.toContain("<figure");
  });

  test("the rendered figure parses back to the same image (what the editor reads when it loads HTML)", () => {
    const attrs = { caption: "MPs during Tuesday’s budget debate.", credit: "Parliamentary pool", title: "Budget" };
    const { html, document } = renderBody(image(attrs));
    const { document: dom } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const parsed = ProseMirrorDOMParser.fromSchema(articleBodySchema).parse(dom.body as unknown as Node);
    expect(parsed.toJSON()).toEqual(document);
  });
});

describe("parseDocument", () => {
  test.each([
    ["an unknown node type", doc({ type: "script", content: [] })],
    ["an unknown mark", doc(paragraph(text("x", [{ type: "blink" }])))],
    ["a top node that is not a document", paragraph(text("x"))],
    ["text straight inside the document", doc(text("loose"))],
    ["not an object at all", "hello"],
    ["null", null],
  ])("refuses %s", (_label, json) => {
    expect(() => parseDocument(json)).toThrow(InvalidDocumentError);
  });
});
