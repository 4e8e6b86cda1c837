import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { commitArticle } from "@/lib/services/articles";
import { createSource } from "@/lib/services/sources";
import { articleContentSchema } from "@/lib/validation/article";
import { sourceSchema } from "@/lib/validation/source";
import { e2eStaff } from "./staff";
import { joinPayloads, packPayloads, xssPayloads, type XssPayload } from "./xss-payloads";

/**
 * Stores the XSS corpus in stories through the app's own validation and
 * workflow service (lib/services/articles.ts: the body is parsed and rendered
 * to sanitized HTML exactly as an editor's save would be), as the demo editor.
 * Every payload appears in some story's title, dek, body (as text, as a link's
 * address and as an image's address), image alt, caption and credit, tags,
 * and in a source's name, description and notes and a citation's claim.
 *
 * Run by e2e/hostile-input.spec.ts in a process of its own (server code, the
 * react-server condition), it prints the stories it made as JSON. The first
 * story is left a draft for the spec to publish through the editor, whose
 * publish revalidates the cached front page, feeds and section; the others are
 * published here, where Next's revalidation has no server to talk to.
 */

const marker = process.argv[2] ?? "hostile";

function bodyOf(payloads: XssPayload[]): JSONContent {
  const content: JSONContent[] = [];
  for (const payload of payloads) {
    content.push({ type: "paragraph", content: [{ type: "text", text: payload.text }] });
    content.push({
      type: "paragraph",
      content: [
        { type: "text", text: `link ${payload.id}`, marks: [{ type: "link", attrs: { href: `javascript:__xss(${payload.id})` } }] },
        { type: "text", text: " and " },
        { type: "text", text: `data ${payload.id}`, marks: [{ type: "link", attrs: { href: `data:text/html,<script>__xss(${payload.id})</script>` } }] },
      ],
    });
    content.push({ type: "image", attrs: { src: `javascript:__xss(${payload.id})`, alt: payload.text } });
  }
  content.push({ type: "paragraph", content: [{ type: "text", text: `Marker ${marker}.` }] });
  return { type: "doc", content };
}

/** Text fits: a payload that alone is longer than the field is left out of that field only. */
const fitting = (payloads: XssPayload[], max: number) => joinPayloads(packPayloads(payloads, max)[0] ?? []).slice(0, max);

async function main() {
  const editor = await db.user.findUniqueOrThrow({ where: { email: e2eStaff.EDITOR.email }, select: { id: true, name: true, role: true } });
  const world = await db.section.findUniqueOrThrow({ where: { slug: "world" }, select: { id: true } });
  const image = await db.media.findFirstOrThrow({ select: { id: true } });

  const groups = packPayloads(xssPayloads, 200 - marker.length - 1);
  const stories: { id: string; slug: string; title: string; payloadIds: number[] }[] = [];
  for (const [index, group] of groups.entries()) {
    const citations = [];
    for (const payload of group) {
      const anonymous = payload.id % 5 === 0;
      const source = await createSource(
        { id: editor.id, role: editor.role },
        sourceSchema.parse({
          name: payload.text,
          kind: anonymous ? "ANONYMOUS" : "NEWS_AGENCY",
          description: payload.text,
          notes: `Staff-only notes ${payload.text}`,
        }),
      );
      citations.push({ sourceId: source.id, claim: payload.text, factKey: "death toll", factValue: String(payload.id) });
    }
    const content = articleContentSchema.parse({
      title: `${marker} ${joinPayloads(group)}`,
      dek: fitting(group, 400),
      body: bodyOf(group),
      sectionId: world.id,
      slugAuto: true,
      tags: group.filter((payload) => payload.text.length <= 40).map((payload) => payload.text),
      bylineIds: [editor.id],
      featuredImageId: image.id,
      imageAlt: fitting(group, 300),
      imageCaption: fitting(group, 500),
      imageCredit: fitting(group, 200),
      citations,
    });
    const transition = index === 0 ? "save" : "publish";
    const saved = await commitArticle(editor, { content, transition }).catch(async (error: unknown) => {
      // Publishing revalidates Next's cache, which only a running server has; the story itself is committed by then.
      if (error instanceof Error && /static generation store missing/.test(error.message)) {
        return db.article.findFirstOrThrow({ where: { title: content.title }, select: { id: true, slug: true, version: true } });
      }
      throw error;
    });
    const stored = await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { id: true, slug: true, title: true } });
    stories.push({ ...stored, payloadIds: group.map((payload) => payload.id) });
  }
  process.stdout.write(`${JSON.stringify(stories)}\n`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
