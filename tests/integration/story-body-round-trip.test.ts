import { getSchema } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { beforeAll, expect, test } from "vitest";
import { saveArticleAction } from "@/app/(dashboard)/dashboard/articles/actions";
import { db } from "@/lib/db";
import { articleBodyExtensions } from "@/lib/rich-text/extensions";
import { plainDocument } from "@/lib/rich-text/plain-document";
import { parseDocument } from "@/lib/rich-text/render";
import { getArticleForEditor } from "@/lib/services/articles";
import { uniqueTitle } from "../support/article-factory";
import { actAs } from "../support/request-doubles";
import { callFromTheBrowser } from "../support/server-action-wire";
import { makeStaff } from "../support/staff-factory";

/**
 * Every node and mark the editor can make, through the real save path: the
 * document leaves the editor as it does in the browser (plainDocument), crosses
 * the server-action wire (React's encodeReply/decodeReply), goes through the
 * action's validation, the service, PostgreSQL and the renderer, and comes back
 * as the same document with the HTML readers get. The blocks are built through
 * the editor's own schema, as its commands build them, with attributes set away
 * from their defaults; the list of types comes from the extension list, so a new
 * extension fails this test until a sample of it is added here.
 */

const schema = getSchema(articleBodyExtensions);
const text = (value: string, ...marks: Parameters<typeof schema.mark>[]) => schema.text(value, marks.map(([type, attrs]) => schema.mark(type, attrs)));
const paragraph = (...content: ProseMirrorNode[]) => schema.node("paragraph", null, content);
const item = (value: string) => schema.node("listItem", null, [paragraph(text(value))]);

/** Each block the body can hold, and the HTML it must render to. */
const samples: { block: ProseMirrorNode; html: string }[] = [
  { block: schema.node("heading", { level: 2 }, [text("A heading")]), html: "<h2>A heading</h2>" },
  { block: schema.node("heading", { level: 3 }, [text("A subheading")]), html: "<h3>A subheading</h3>" },
  { block: schema.node("heading", { level: 4 }, [text("A minor heading")]), html: "<h4>A minor heading</h4>" },
  {
    block: paragraph(
      text("Plain, "),
      text("bold", ["bold"]),
      text(", "),
      text("italic", ["italic"]),
      text(", "),
      text("struck", ["strike"]),
      text(", "),
      text("underlined", ["underline"]),
      text(", "),
      text("code", ["code"]),
      text(" and "),
      text("both", ["bold"], ["italic"]),
      text("."),
    ),
    html: "<p>Plain, <strong>bold</strong>, <em>italic</em>, <s>struck</s>, <u>underlined</u>, <code>code</code> and <em><strong>both</strong></em>.</p>",
  },
  {
    block: paragraph(
      text("the minutes", ["link", { href: "https://example.org/minutes", title: "Board minutes" }]),
      schema.node("hardBreak"),
      text("mail the desk", ["link", { href: "mailto:desk@example.org" }]),
    ),
    html: '<p><a href="https://example.org/minutes" rel="noopener noreferrer">the minutes</a><br /><a href="mailto:desk@example.org" rel="noopener noreferrer">mail the desk</a></p>',
  },
  {
    block: schema.node("bulletList", null, [item("Cranes return"), item("Ferries resume")]),
    html: "<ul><li><p>Cranes return</p></li><li><p>Ferries resume</p></li></ul>",
  },
  {
    block: schema.node("orderedList", { start: 3 }, [item("Third step"), item("Fourth step")]),
    html: '<ol start="3"><li><p>Third step</p></li><li><p>Fourth step</p></li></ol>',
  },
  { block: schema.node("blockquote", null, [paragraph(text("We waited ten years."))]), html: "<blockquote><p>We waited ten years.</p></blockquote>" },
  { block: schema.node("horizontalRule"), html: "<hr />" },
  {
    block: schema.node("image", { src: "/media/uploads/quay.jpg", alt: "The new quay at dawn", title: "The quay", width: 640, height: 480 }),
    html: '<img src="/media/uploads/quay.jpg" alt="The new quay at dawn" title="The quay" width="640" height="480" loading="lazy" decoding="async" />',
  },
  {
    // The editor's image form: a description, a caption and a credit, as the featured image has.
    block: schema.node("image", { src: "/media/uploads/cranes.jpg", alt: "Cranes over the harbour", caption: "The cranes return after ten years.", credit: "Lina Saad / Harbour Post" }),
    html:
      '<figure><img src="/media/uploads/cranes.jpg" alt="Cranes over the harbour" loading="lazy" decoding="async" />' +
      '<figcaption><span dir="auto">The cranes return after ten years.</span> <small>Photo: <bdi>Lina Saad / Harbour Post</bdi></small></figcaption></figure>',
  },
];

const document = schema.node("doc", null, samples.map((sample) => sample.block));

let writer: Awaited<ReturnType<typeof makeStaff>>;
beforeAll(async () => {
  writer = await makeStaff("WRITER");
});

test("the samples hold every node and mark of the editor's schema", () => {
  const present = new Set<string>(["doc"]);
  document.descendants((node) => {
    present.add(node.type.name);
    for (const mark of node.marks) present.add(mark.type.name);
  });
  expect([...present].sort()).toEqual([...Object.keys(schema.nodes), ...Object.keys(schema.marks)].sort());
});

test("a document with every node and mark is saved as it was made and renders to the expected HTML", async () => {
  actAs(writer);
  const sent = plainDocument(document);
  const answer = await callFromTheBrowser(saveArticleAction, { title: uniqueTitle("Every format"), dek: "", body: sent as { type: "doc" }, bylineIds: [writer.id] });
  expect(answer).toMatchObject({ ok: true });
  const id = (answer as { data: { id: string } }).data.id;

  // What the editor opens the story with next time, and what readers' pages print.
  const reopened = await getArticleForEditor(writer, id);
  expect(reopened.body).toEqual(sent);
  expect(plainDocument(parseDocument(reopened.body))).toEqual(sent);
  const { bodyHtml } = await db.article.findUniqueOrThrow({ where: { id }, select: { bodyHtml: true } });
  expect(bodyHtml).toBe(samples.map((sample) => sample.html).join(""));
});

test("a document sent as the editor hands it out, not as plain JSON, is refused whole without advice to reload", async () => {
  actAs(writer);
  const title = uniqueTitle("Not plain JSON");
  // ProseMirror's own toJSON(): attributes in objects without a prototype, which the wire cannot carry as data.
  const answer = await callFromTheBrowser(saveArticleAction, { title, dek: "", body: document.toJSON() as { type: "doc" }, bylineIds: [writer.id] });
  expect(answer).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  expect(JSON.stringify(answer)).not.toMatch(/reload/i);
  expect(await db.article.count({ where: { title } })).toBe(0);
});
