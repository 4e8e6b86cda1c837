import { afterAll, beforeAll, expect, test } from "vitest";
import { commitArticle } from "@/lib/services/articles";
import { makeArticle, makeSection, makeSource } from "../support/article-factory";
import { makeStaff } from "../support/staff-factory";

/**
 * pg 9 refuses a query sent to a client that is still running one; pg 8
 * queues it and warns (once per process) that this "is deprecated and will be
 * removed in pg@9.0". A transaction holds one client, and Prisma sends the
 * relation loads of one query at once (lib/pg-adapter.ts queues them). The
 * desk's save and publish are the transactions that load the most relations.
 */

const concurrentQueryWarnings: string[] = [];
const listen = (warning: Error) => {
  if (warning.message.includes("when the client is already executing a query")) concurrentQueryWarnings.push(warning.message);
};
beforeAll(() => void process.on("warning", listen));
afterAll(() => void process.off("warning", listen));

test("saving and publishing a story with a section, bylines, topics and sources sends pg one query at a time", async () => {
  const writer = await makeStaff("WRITER");
  const editor = await makeStaff("EDITOR");
  const section = await makeSection();
  const [first, second] = await Promise.all([makeSource(), makeSource()]);
  const citations = [first, second].map((source, index) => ({ sourceId: source.id, claim: `Claim ${index}`, factKey: "death toll", factValue: String(30 + index) }));
  const draft = await makeArticle(writer, "save", { sectionId: section.id, bylineIds: [writer.id, editor.id], tags: ["Harbour", "Labour"], citations });

  const published = await commitArticle(editor, { id: draft.id, version: draft.version, content: draft.content, transition: "publish" });
  expect(published.status).toBe("PUBLISHED");

  await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  expect(concurrentQueryWarnings).toEqual([]);
});
