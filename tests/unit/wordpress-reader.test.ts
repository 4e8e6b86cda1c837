import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { WxrError } from "@/lib/wordpress/errors";
import { readWxr } from "@/lib/wordpress/wxr-reader";
import type { WxrItem, WxrRecord } from "@/lib/wordpress/wxr-types";
import { fixtureCounts, readAllRecords, readFixtureRecords, wordpressFixtureFile } from "@/tests/support/wordpress-fixture";

const fixtureText = readFileSync(wordpressFixtureFile, "utf8");

const items = (records: WxrRecord[]) => records.flatMap((record) => (record.kind === "item" ? [record.item] : []));
const tally = (values: string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

/** A minimal WXR 1.2 file around the given channel content. */
function wxr(body: string, { version = "1.2", namespaceVersion = version }: { version?: string; namespaceVersion?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/${namespaceVersion}/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/${namespaceVersion}/">
<channel>
  <title>Test site</title>
  <link>https://old.example</link>
  <wp:wxr_version>${version}</wp:wxr_version>
  <wp:base_site_url>https://old.example</wp:base_site_url>
  ${body}
</channel>
</rss>`;
}

const post = (fields: string) => `<item><title><![CDATA[A post]]></title>${fields}</item>`;

async function refusal(input: string | Buffer | (string | Buffer)[]): Promise<WxrError> {
  try {
    await readAllRecords(input);
  } catch (error) {
    if (error instanceof WxrError) return error;
    throw error;
  }
  throw new Error("the file was read without an error");
}

describe("readWxr over the real WordPress 6.1 export", () => {
  test("the site: title, addresses, language and WXR version", async () => {
    const [first] = await readFixtureRecords();
    expect(first).toEqual({
      kind: "site",
      site: {
        title: fixtureCounts.site_title,
        link: fixtureCounts.site_url,
        description: "Independent reporting on conflict, politics and markets",
        language: "en-US",
        wxrVersion: fixtureCounts.wxr_version,
        baseSiteUrl: fixtureCounts.site_url,
        baseBlogUrl: fixtureCounts.site_url,
      },
    });
  });

  test("items by type and status, sticky and password-protected posts", async () => {
    const all = items(await readFixtureRecords());
    expect(tally(all.map((item) => item.postType))).toEqual(fixtureCounts.items_in_export);
    expect(tally(all.filter((item) => item.postType === "post").map((item) => item.status))).toEqual(fixtureCounts.posts.by_status);
    expect(tally(all.filter((item) => item.postType === "page").map((item) => item.status))).toEqual(fixtureCounts.pages.by_status);
    expect(all.filter((item) => item.isSticky).map((item) => item.wordpressId)).toEqual(fixtureCounts.posts.sticky);
    expect(all.filter((item) => item.password !== "").map((item) => item.wordpressId)).toEqual(fixtureCounts.posts.password_protected);
  });

  test("every author, with login, display name and email", async () => {
    const authors = (await readFixtureRecords()).flatMap((record) => (record.kind === "author" ? [record.author] : []));
    const expected = fixtureCounts.users.list.filter((user) => user.in_export);
    expect(authors.map(({ login, displayName, email }) => ({ login, displayName, email }))).toEqual(
      expected.map((user) => ({ login: user.login, displayName: user.display_name, email: user.email })),
    );
  });

  test("categories and tags are handed over once each, though WordPress writes them twice", async () => {
    const records = await readFixtureRecords();
    const terms = records.flatMap((record) => (record.kind === "term" ? [record.term] : []));
    const byTaxonomy = (taxonomy: string) => terms.filter((term) => term.taxonomy === taxonomy).map(({ slug, name }) => ({ slug, name }));
    const bySlug = (list: { slug: string; name: string }[]) => [...list].sort((a, b) => a.slug.localeCompare(b.slug));
    expect(bySlug(byTaxonomy("category"))).toEqual(bySlug(fixtureCounts.categories.list.map(({ slug, name }) => ({ slug, name }))));
    expect(bySlug(byTaxonomy("post_tag"))).toEqual(bySlug(fixtureCounts.tags.list.map(({ slug, name }) => ({ slug, name }))));
    expect(byTaxonomy("nav_menu")).toEqual([{ slug: "main-menu", name: "Main menu" }]);
    expect(records.at(-1)).toMatchObject({ kind: "end", duplicateTerms: 16 });
  });

  test("comments with their status, type, parent and comment meta", async () => {
    const seed = items(await readFixtureRecords()).find((item) => item.wordpressId === 4)!;
    const byStatus: Record<string, Record<string, number>> = {};
    for (const comment of seed.comments) {
      const status = { "1": "approved", "0": "pending" }[comment.approved] ?? comment.approved;
      byStatus[status] = { ...byStatus[status], [comment.type]: (byStatus[status]?.[comment.type] ?? 0) + 1 };
    }
    const expected = Object.fromEntries(Object.entries(fixtureCounts.comments.in_export_by_status).map(([status, { by_type }]) => [status, by_type]));
    expect(byStatus).toEqual(expected);
    const reply = seed.comments.find((comment) => comment.author === "Leila Haddad")!;
    expect(reply).toMatchObject({ parentId: 2, authorIp: "2001:db8:85a3::8a2e:370:7334", authorUrl: "https://leila.example.org/", dateGmt: "2016-06-21 16:45:00" });
    const trashed = seed.comments.find((comment) => comment.approved === "trash")!;
    expect(trashed.meta).toEqual([
      { key: "_wp_trash_meta_status", value: "1" },
      { key: "_wp_trash_meta_time", value: "1796419307" },
    ]);
    expect(seed.comments.find((comment) => comment.type === "pingback")?.content).toBe("[&#8230;] Islamic State reportedly buried alive dozens of its own fighters near Qayyarah, south of Mosul [&#8230;]");
  });

  test("post meta as key/values, item terms, and the fields exactly as WordPress wrote them", async () => {
    const all = items(await readFixtureRecords());
    const seed = all.find((item) => item.wordpressId === 4)!;
    expect(seed.meta).toEqual([
      { key: "_pingme", value: "1" },
      { key: "_encloseme", value: "1" },
      { key: "_thumbnail_id", value: "5" },
    ]);
    const postMetaKeys = new Set(all.filter((item) => item.postType === "post").flatMap((item) => item.meta.map((meta) => meta.key)));
    expect([...postMetaKeys].sort()).toEqual(fixtureCounts.post_meta_keys);
    expect(seed.terms).toEqual([
      { taxonomy: "post_tag", slug: "iraq", name: "Iraq" },
      { taxonomy: "post_tag", slug: "islamic-state", name: "Islamic State" },
      { taxonomy: "post_tag", slug: "mosul", name: "Mosul" },
      { taxonomy: "category", slug: "world", name: "World" },
    ]);
    // The reader decodes XML, not HTML: the title's entity is left for the field rules to decode once.
    expect(all.find((item) => item.wordpressId === 13)?.title).toBe("Oil &amp; gas shares slide as OPEC talks stall in Doha");
    const draft = all.find((item) => item.wordpressId === 14)!;
    expect(draft).toMatchObject({ postName: "", postDateGmt: "0000-00-00 00:00:00", postDate: "2016-10-02 11:00:00", creator: "jide.okafor" });
    expect(all.find((item) => item.wordpressId === 5)).toMatchObject({ postType: "attachment", parentId: 4, attachmentUrl: "http://127.0.0.1:8081/wp-content/uploads/2016/06/mosul-frontline.jpg" });
    for (const published of fixtureCounts.published_posts) {
      expect(all.find((item) => item.wordpressId === published.wp_post_id)).toMatchObject({ postName: published.post_name, link: published.permalink });
    }
  });

  test("a gzip-compressed export reads the same", async () => {
    const plain = await readFixtureRecords();
    expect(await readAllRecords(gzipSync(readFileSync(wordpressFixtureFile)))).toEqual(plain);
  });

  test("the file may arrive in chunks of any size, cut inside characters, tags and CDATA", async () => {
    const bytes = readFileSync(wordpressFixtureFile);
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += 7) chunks.push(bytes.subarray(offset, offset + 7));
    expect(await readAllRecords(chunks)).toEqual(await readFixtureRecords());
  });
});

describe("readWxr on what WordPress's own importer has to tolerate", () => {
  test("CDATA holding ]]> (WordPress splits it into two sections) reads back whole", async () => {
    const records = await readAllRecords(wxr(post("<wp:post_id>9</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[a ]]]]><![CDATA[> b]]></content:encoded>")));
    expect(items(records)[0]?.content).toBe("a ]]> b");
  });

  test("control characters XML forbids are dropped from the text and counted, not fatal", async () => {
    const records = await readAllRecords(wxr(post("<wp:post_id>9</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[pasted\u000bfrom Word\u0008]]></content:encoded>")));
    expect(items(records)[0]?.content).toBe("pastedfrom Word");
    expect(records.at(-1)).toMatchObject({ kind: "end", removedControlCharacters: 2 });
  });

  test("WXR 1.0: the namespace of that version, terms with domain=\"tag\", and the unattributed copy of each term", async () => {
    const records = await readAllRecords(
      wxr(
        post(`<wp:post_id>3</wp:post_id><wp:post_type>post</wp:post_type>
          <category><![CDATA[News]]></category><category domain="category" nicename="news"><![CDATA[News]]></category>
          <category domain="tag"><![CDATA[Oil]]></category><category domain="tag" nicename="oil"><![CDATA[Oil]]></category>`),
        { version: "1.0" },
      ),
    );
    expect(records[0]).toMatchObject({ kind: "site", site: { wxrVersion: "1.0" } });
    expect(items(records)[0]?.terms).toEqual([
      { taxonomy: "category", slug: "news", name: "News" },
      { taxonomy: "post_tag", slug: "oil", name: "Oil" },
    ]);
  });

  test("an item without a post id or a post type is skipped with its reason; the rest of the file goes on", async () => {
    const records = await readAllRecords(
      wxr(
        post("<wp:post_type>post</wp:post_type>") +
          post("<wp:post_id>abc</wp:post_id><wp:post_type>post</wp:post_type>") +
          post("<wp:post_id>5</wp:post_id>") +
          post("<wp:post_id>6</wp:post_id><wp:post_type>post</wp:post_type>"),
      ),
    );
    const skipped = records.flatMap((record) => (record.kind === "skipped" ? [record.skipped.reason] : []));
    expect(skipped).toEqual(["has no wp:post_id", 'has wp:post_id "abc", which is not a positive whole number', "has no wp:post_type"]);
    expect(items(records).map((item: WxrItem) => item.wordpressId)).toEqual([6]);
  });
});

describe("readWxr refuses a file that is not a readable WordPress export, in one line", () => {
  test.each([
    ["an empty file", "", "not_xml", /empty/],
    ["plain text", "hello, this is not an export", "not_xml", /not XML/],
    ["JSON", '{"posts": []}', "not_xml", /not XML/],
    ["a binary file", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "not_xml", /not XML/],
    ["an HTML page", "<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>", "not_wxr", /HTML page/],
    ["an Atom feed", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "not_wxr", /root element is <feed>/],
    [
      "an RSS feed without WordPress's namespace",
      '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://x.example</link><item><title>A story</title></item></channel></rss>',
      "not_wxr",
      /RSS feed, not a WordPress export/,
    ],
    ["RSS using wp: without declaring it", '<rss version="2.0"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>', "not_wxr", /unbound namespace prefix/],
    ["<rss> without a channel", '<rss version="2.0"></rss>', "not_wxr", /no <channel>/],
    ["WXR version 9.9", wxr(post("<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"), { version: "9.9" }), "unsupported_version", /version "9\.9".*1\.0, 1\.1 and 1\.2/],
    ["a version that is not a number", wxr("", { version: "latest" }), "unsupported_version", /"latest"/],
    [
      "billion laughs",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><title>&lol3;</title></channel></rss>',
      "doctype_refused",
      /DOCTYPE/,
    ],
    [
      "an external entity (XXE)",
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>',
      "doctype_refused",
      /DOCTYPE/,
    ],
    ["an entity used without a DOCTYPE", wxr("<description>&nbsp;</description>"), "malformed_xml", /undefined entity at line 8/],
    ["a broken tag in the middle", wxr(post("<wp:post_id>1</wp:post_id></wp:post_type>")), "malformed_xml", /not well-formed XML/],
  ])("%s", async (_label, input, code, message) => {
    const error = await refusal(input);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  test.each([
    ["in the XML declaration", 20],
    ["in the header comments", 300],
    ["inside an author", fixtureText.indexOf("<wp:author_login>") + 10],
    ["inside a CDATA section of the seed story", fixtureText.indexOf("Islamic State has reportedly") + 40],
    ["inside a tag name", fixtureText.indexOf("<wp:comment_author_IP>") + 8],
    ["between two items", fixtureText.indexOf("</item>") + "</item>".length],
    ["before </channel>", fixtureText.lastIndexOf("</channel>")],
    ["before </rss>", fixtureText.lastIndexOf("</rss>")],
  ])("a file truncated %s", async (_label, at) => {
    const cut = Buffer.from(fixtureText, "utf8").subarray(0, Buffer.byteLength(fixtureText.slice(0, at)));
    const error = await refusal(cut);
    expect(error.code).toBe("truncated");
    expect(error.message).toMatch(/cut short/);
  });

  test("a file cut inside a multi-byte character is truncated, not garbled", async () => {
    const bytes = readFileSync(wordpressFixtureFile);
    const arabic = bytes.indexOf(Buffer.from("الجهاد", "utf8"));
    expect((await refusal(bytes.subarray(0, arabic + 1))).code).toBe("truncated");
  });

  test("a gzip file cut short is truncated", async () => {
    const zipped = gzipSync(readFileSync(wordpressFixtureFile));
    expect((await refusal(zipped.subarray(0, Math.floor(zipped.length / 2)))).code).toBe("truncated");
  });

  test("one element larger than the reader holds is refused before it fills memory", async () => {
    const file = wxr(post(`<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${"x".repeat(50_000)}]]></content:encoded>`));
    const chunks = file.match(/[^]{1,1000}/g)!;
    const records = readWxr(Readable.from(chunks), { maxElementBytes: 10_000 });
    await expect(
      (async () => {
        for await (const _record of records);
      })(),
    ).rejects.toMatchObject({ code: "element_too_large", message: expect.stringMatching(/<item> that starts at line 8 is larger than/) });
  });
});
