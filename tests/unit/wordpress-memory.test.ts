import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, test } from "vitest";
import { readWxr } from "@/lib/wordpress/wxr-reader";

/*
 * Memory stays flat however large the export: a generated WXR of
 * WXR_MEMORY_TEST_MB megabytes (100 by default; never written to disk) is
 * streamed through the reader, and the live heap — measured after a full
 * garbage collection — is compared early in the file and at its end.
 */

const targetBytes = Number(process.env.WXR_MEMORY_TEST_MB ?? 100) * 1024 * 1024;
// The heap may hold one chunk, one item and the parser's buffers more or less; a reader that kept
// what it had read would hold the whole file (≥ 100 MB of text) by the end.
const FLAT_MARGIN_BYTES = 24 * 1024 * 1024;

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const liveHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const paragraph = "Islamic State has reportedly buried alive dozens of its own militants, after the jihadists refused to fight — ISIS/ISIL, “quoted” & <escaped>.";

function item(id: number): string {
  const comments = [1, 2, 3]
    .map(
      (n) => `<wp:comment><wp:comment_id>${id * 10 + n}</wp:comment_id><wp:comment_author><![CDATA[Reader ${n}]]></wp:comment_author><wp:comment_author_email><![CDATA[reader${n}@example.com]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[203.0.113.${n}]]></wp:comment_author_IP><wp:comment_date_gmt><![CDATA[2016-06-21 14:10:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${paragraph}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${n === 2 ? id * 10 + 1 : 0}</wp:comment_parent></wp:comment>`,
    )
    .join("");
  const body = Array.from({ length: 12 }, () => paragraph).join("\n\n");
  return `<item><title><![CDATA[Story ${id}]]></title><link>https://old.example/2016/06/story-${id}/</link><dc:creator><![CDATA[admin]]></dc:creator><content:encoded><![CDATA[${body}]]></content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt><![CDATA[2016-06-21 13:32:00]]></wp:post_date_gmt><wp:post_name><![CDATA[story-${id}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><category domain="category" nicename="world"><![CDATA[World]]></category><wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[5]]></wp:meta_value></wp:postmeta>${comments}</item>\n`;
}

function* generatedExport(): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Generated</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>\n`;
  let written = 0;
  let batch = "";
  for (let id = 1; written < targetBytes; id += 1) {
    const next = item(id);
    batch += next;
    written += Buffer.byteLength(next);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</channel>\n</rss>\n`;
}

test(
  "streaming a large export keeps the live heap flat from early in the file to its end",
  async () => {
    let items = 0;
    let comments = 0;
    let earlyHeap = 0;
    let lateHeap = 0;
    const samples: number[] = [];
    for await (const record of readWxr(Readable.from(generatedExport(), { objectMode: false }))) {
      if (record.kind !== "item") continue;
      items += 1;
      comments += record.item.comments.length;
      if (items === 2_000) earlyHeap = liveHeap();
      if (items % 5_000 === 0) samples.push(liveHeap());
    }
    lateHeap = liveHeap();
    const perItem = Buffer.byteLength(item(items));
    expect(items * perItem).toBeGreaterThanOrEqual(targetBytes);
    expect(comments).toBe(items * 3);
    expect(earlyHeap).toBeGreaterThan(0);
    expect(Math.max(...samples, lateHeap) - earlyHeap).toBeLessThan(FLAT_MARGIN_BYTES);
  },
  120_000,
);
