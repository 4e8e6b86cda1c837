import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, test } from "vitest";
import { parseDocument, renderBody } from "@/lib/rich-text/render";
import { convertContent, replaceImageSources, splitCaptionCredit } from "@/lib/wordpress/content";
import type { WxrItem } from "@/lib/wordpress/wxr-types";
import { readFixtureRecords } from "@/tests/support/wordpress-fixture";

const textOf = (node: JSONContent): string => (node.type === "text" ? (node.text ?? "") : (node.content ?? []).map(textOf).join(""));
const linksOf = (node: JSONContent): { text: string; href: string }[] =>
  node.type === "text"
    ? (node.marks ?? []).filter((mark) => mark.type === "link").map((mark) => ({ text: node.text ?? "", href: String(mark.attrs?.href) }))
    : (node.content ?? []).flatMap(linksOf);
const topLevel = (document: JSONContent) => (document.content ?? []).map((node) => ({ type: node.type, text: textOf(node) }));

let posts: Map<number, WxrItem>;
beforeAll(async () => {
  posts = new Map((await readFixtureRecords()).flatMap((record) => (record.kind === "item" ? [[record.item.wordpressId, record.item] as const] : [])));
});
const convertPost = (id: number) => convertContent(posts.get(id)!.content);

describe("the fixture's posts as WordPress shows them", () => {
  test("the seed story: one paragraph per blank-line stretch, its text and its two links", () => {
    const { document, format } = convertPost(4);
    expect(format).toBe("classic");
    const stretches = posts.get(4)!.content.split(/\n\s*\n/).map((stretch) => stretch.replace(/<[^>]+>/g, "").trim());
    expect(topLevel(document)).toEqual(stretches.map((text) => ({ type: "paragraph", text })));
    expect(stretches).toHaveLength(8);
    expect(topLevel(document)[2]).toEqual({ type: "paragraph", text: "© الجهاد في سبيل الله" });
    expect(linksOf(document)).toEqual([
      { text: "AhlulBayt News Agency", href: "http://en.abna24.com/" },
      { text: "Iraqi News", href: "http://www.iraqinews.com/" },
    ]);
  });

  test("block markup: image with caption and credit, headings, quote, list — and the blocks named", () => {
    const conversion = convertPost(7);
    expect(conversion.format).toBe("blocks");
    expect(conversion.blocks).toEqual({ paragraph: 4, image: 1, heading: 2, quote: 1, list: 1, "list-item": 3 });
    const nodes = conversion.document.content!;
    expect(nodes.map((node) => node.type)).toEqual(["paragraph", "image", "heading", "paragraph", "blockquote", "heading", "bulletList", "paragraph"]);
    expect(nodes[1]!.attrs).toMatchObject({
      src: "http://127.0.0.1:8081/wp-content/uploads/2016/09/montreal-cafe-terrace-1024x576.jpg",
      alt: "Customers on a café terrace on Rue Saint-Denis",
      caption: "Terrace season on Rue Saint-Denis.",
      credit: "Tomás Núñez",
    });
    expect([nodes[2]!.attrs?.level, nodes[5]!.attrs?.level]).toEqual([2, 3]);
    expect(textOf(nodes[4]!)).toContain("We sold more iced lattes in July than in the whole of 2015. ☕");
    expect(nodes[6]!.content?.map(textOf)).toEqual(["A Canadian dollar near 75 US cents", "Record attendance at the jazz festival", "Longer terrace permits from the city"]);
    expect(conversion.images).toEqual([{ src: nodes[1]!.attrs!.src, attachmentId: 8 }]);
  });

  test("[caption] around a linked image becomes the image with its caption and credit; <!--more--> is dropped and noted", () => {
    const conversion = convertPost(10);
    expect(conversion.shortcodes).toEqual({ caption: 1 });
    const image = conversion.document.content!.find((node) => node.type === "image")!;
    expect(image.attrs).toMatchObject({
      src: "http://127.0.0.1:8081/wp-content/uploads/2016/03/parliament-budget-debate-300x169.jpg",
      alt: "Members of parliament during the budget debate",
      caption: "MPs during Tuesday’s budget debate.",
      credit: "Parliamentary pool",
    });
    expect(conversion.images).toEqual([{ src: image.attrs!.src, attachmentId: 11 }]);
    expect(conversion.notes).toContain("<!--more--> was dropped (Newsroom shows the whole story)");
    expect(topLevel(conversion.document).map((node) => node.type)).toEqual(["paragraph", "paragraph", "image", "paragraph", "paragraph"]);
  });

  test("a YouTube address on its own line becomes a paragraph linking to it, counted as an embed; &nbsp; and &mdash; are characters", () => {
    const conversion = convertPost(13);
    const url = "https://www.youtube.com/watch?v=M7lc1UVf-VE";
    expect(topLevel(conversion.document)[2]).toEqual({ type: "paragraph", text: url });
    expect(linksOf(conversion.document)).toEqual([{ text: url, href: url }]);
    expect(conversion.embeds).toEqual({ YouTube: 1 });
    expect(topLevel(conversion.document)[1]!.text).toContain("lost 3%\u00a0and 2.5%");
    expect(topLevel(conversion.document)[3]!.text).toContain("unlikely — Iran");
  });

  test("right-to-left spans keep their text", () => {
    expect(textOf(convertPost(16).document)).toContain("Arabic-language sources: المرصد السوري لحقوق الإنسان");
    expect(textOf(convertPost(17).document)).toContain("(العربية) and French (français)");
  });

  test("every post and page passes the editor's schema, and the sanitizer keeps all of it", () => {
    for (const item of posts.values()) {
      if (item.postType !== "post" && item.postType !== "page") continue;
      const { document } = convertContent(item.content);
      expect(() => parseDocument(document)).not.toThrow();
      expect(renderBody(document).document).toEqual(document);
    }
  });
});

describe("typical classic and block content", () => {
  const convert = (html: string, options?: Parameters<typeof convertContent>[1]) => convertContent(html, options);

  test.each([
    ["a single line break is a hard break", "line one\nline two", [{ type: "paragraph", content: [{ type: "text", text: "line one" }, { type: "hardBreak" }, { type: "text", text: "line two" }] }]],
    ["h1 becomes h2, h5 and h6 become h4", "<h1>Top</h1>\n<h5>Low</h5><h6>Lower</h6>", [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Top" }] }, { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Low" }] }, { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Lower" }] }]],
    ["bold, italic, underline, strike and code", "<b>b</b> <em>i</em> <u>u</u> <del>s</del> <code>c</code>", [{ type: "paragraph", content: [{ type: "text", text: "b", marks: [{ type: "bold" }] }, { type: "text", text: " " }, { type: "text", text: "i", marks: [{ type: "italic" }] }, { type: "text", text: " " }, { type: "text", text: "u", marks: [{ type: "underline" }] }, { type: "text", text: " " }, { type: "text", text: "s", marks: [{ type: "strike" }] }, { type: "text", text: " " }, { type: "text", text: "c", marks: [{ type: "code" }] }] }]],
    ["an ordered list and a rule", "<ol start=\"3\"><li>three</li></ol><hr>after", [{ type: "orderedList", attrs: { start: 3, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "three" }] }] }] }, { type: "horizontalRule" }, { type: "paragraph", content: [{ type: "text", text: "after" }] }]],
    ["preformatted text keeps its lines as code", "<pre>a = 1\nb = 2</pre>", [{ type: "paragraph", content: [{ type: "text", text: "a = 1", marks: [{ type: "code" }] }, { type: "hardBreak", marks: [{ type: "code" }] }, { type: "text", text: "b = 2", marks: [{ type: "code" }] }] }]],
    ["classic-editor spacer paragraphs are dropped", "One\n\n<p>&nbsp;</p>\n\nTwo", [{ type: "paragraph", content: [{ type: "text", text: "One" }] }, { type: "paragraph", content: [{ type: "text", text: "Two" }] }]],
    ["an escaped shortcode is its literal text; [sic] stays text", "He said [[caption]] twice [sic].", [{ type: "paragraph", content: [{ type: "text", text: "He said [caption] twice [sic]." }] }]],
    ["a plugin's enclosing shortcode keeps its text", '[su_note color="red"]Read <strong>this</strong>[/su_note]', [{ type: "paragraph", content: [{ type: "text", text: "Read " }, { type: "text", text: "this", marks: [{ type: "bold" }] }] }]],
    ["a plugin's lone shortcode is dropped", 'Before\n\n[contact-form-7 id="5" title="Tips"]\n\nAfter', [{ type: "paragraph", content: [{ type: "text", text: "Before" }] }, { type: "paragraph", content: [{ type: "text", text: "After" }] }]],
    ["a script is removed, its text with it", "Text<script>alert(1)</script>", [{ type: "paragraph", content: [{ type: "text", text: "Text" }] }]],
    ["a javascript: link loses its link, keeps its text", '<a href="javascript:alert(1)">click</a>', [{ type: "paragraph", content: [{ type: "text", text: "click" }] }]],
  ])("%s", (_label, html, expected) => {
    const { document } = convert(html);
    expect(document.content).toEqual(expected);
    expect(() => parseDocument(document)).not.toThrow();
  });

  test("the old [caption] form with the caption in an attribute, and the credit from the attachment when the caption has none", () => {
    const { document, images } = convert('[caption id="attachment_5" align="alignnone" width="300" caption="Sand berms south of Mosul"]<img class="size-medium wp-image-5" src="https://old.example/m.jpg" alt="" />[/caption]', {
      attachment: (id) => (id === 5 ? { url: "https://old.example/m.jpg", alt: "A frontline position", caption: "", credit: "© الجهاد في سبيل الله" } : undefined),
    });
    expect(document.content).toEqual([{ type: "image", attrs: { src: "https://old.example/m.jpg", alt: "A frontline position", title: null, width: null, height: null, caption: "Sand berms south of Mosul", credit: "© الجهاد في سبيل الله" } }]);
    expect(images).toEqual([{ src: "https://old.example/m.jpg", attachmentId: 5 }]);
  });

  test("[gallery] becomes its images when the importer knows them, and is noted when it does not", () => {
    const attachment = (id: number) => ({ url: `https://old.example/${id}.jpg`, alt: `photo ${id}`, caption: `caption ${id}`, credit: "" });
    const known = convert('[gallery ids="5,8"]', { attachment });
    expect(known.document.content?.map((node) => [node.type, node.attrs?.src, node.attrs?.caption])).toEqual([
      ["image", "https://old.example/5.jpg", "caption 5"],
      ["image", "https://old.example/8.jpg", "caption 8"],
    ]);
    expect(known.images.map((image) => image.attachmentId)).toEqual([5, 8]);
    const unknown = convert('Before\n\n[gallery ids="5,8"]');
    expect(unknown.document.content?.map((node) => node.type)).toEqual(["paragraph"]);
    expect(unknown.notes).toContain("[gallery] images the importer could not find were left out");
    expect(unknown.shortcodes).toEqual({ gallery: 1 });
  });

  test("an embed block, an [embed] shortcode and an iframe player all become links; a dynamic block is noted", () => {
    const conversion = convert(`<!-- wp:embed {"url":"https://vimeo.com/76979871","type":"video","providerNameSlug":"vimeo"} -->
<figure class="wp-block-embed is-type-video is-provider-vimeo"><div class="wp-block-embed__wrapper">
https://vimeo.com/76979871
</div></figure>
<!-- /wp:embed -->

<!-- wp:paragraph --><p>[embed]https://twitter.com/WordPress/status/1[/embed]</p><!-- /wp:paragraph -->

<!-- wp:html --><iframe src="https://www.youtube.com/embed/M7lc1UVf-VE"></iframe><!-- /wp:html -->

<!-- wp:latest-posts /-->`);
    expect(linksOf(conversion.document).map((link) => link.href)).toEqual(["https://vimeo.com/76979871", "https://twitter.com/WordPress/status/1", "https://www.youtube.com/embed/M7lc1UVf-VE"]);
    expect(conversion.embeds).toEqual({ Vimeo: 1, "X (Twitter)": 1, YouTube: 1 });
    expect(conversion.blocks).toMatchObject({ embed: 1, paragraph: 1, html: 1, "latest-posts": 1 });
    expect(conversion.notes).toContain('"latest-posts" blocks (built by WordPress when the page is shown) have nothing to import');
  });

  test("a gallery block becomes its images, each with its caption", () => {
    const { document, images } = convert(`<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default"><!-- wp:image {"id":5} -->
<figure class="wp-block-image"><img src="https://old.example/a.jpg" alt="A" class="wp-image-5"/><figcaption class="wp-element-caption">First</figcaption></figure>
<!-- /wp:image --><!-- wp:image {"id":8} -->
<figure class="wp-block-image"><img src="https://old.example/b.jpg" alt="B" class="wp-image-8"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->`);
    expect(document.content?.map((node) => [node.type, node.attrs?.src, node.attrs?.caption])).toEqual([
      ["image", "https://old.example/a.jpg", "First"],
      ["image", "https://old.example/b.jpg", null],
    ]);
    expect(images.map((image) => image.attachmentId)).toEqual([5, 8]);
  });

  test("an empty body is one empty paragraph, as the editor starts", () => {
    expect(convert("").document).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(convert(" ").document).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("splitCaptionCredit", () => {
  test.each([
    ["MPs during Tuesday’s budget debate. Photo: Parliamentary pool", "MPs during Tuesday’s budget debate.", "Parliamentary pool"],
    ["Terrace season (Photo by Tomás Núñez)", "Terrace season", "Tomás Núñez"],
    ["Photographs: AP", "", "AP"],
    ["A photo of the minister", "A photo of the minister", ""],
    ["Sand berms south of Mosul", "Sand berms south of Mosul", ""],
  ])("%s", (written, caption, credit) => {
    expect(splitCaptionCredit(written)).toEqual({ caption, credit });
  });
});

describe("replaceImageSources", () => {
  test("gives each image its new address and removes the ones that could not be brought over", () => {
    const conversion = convertContent('<img src="https://old.example/a.jpg" class="wp-image-5"><img src="https://old.example/missing.jpg">');
    const rewritten = replaceImageSources(conversion.document, (image) => (image.attachmentId === 5 ? "/media/2016/a.webp" : null), conversion.images);
    expect(rewritten.content?.map((node) => node.attrs?.src)).toEqual(["/media/2016/a.webp"]);
    expect(replaceImageSources(conversion.document, () => null, conversion.images)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
