import { beforeAll, describe, expect, test } from "vitest";
import { attachmentDetails, featuredImageId } from "@/lib/wordpress/attachments";
import { commentStatus, threadComments } from "@/lib/wordpress/comments";
import { wordpressInstant } from "@/lib/wordpress/dates";
import { staffRole } from "@/lib/wordpress/people";
import { inferPermalinkStructure, oldAddressKey, permalinkPath, type PermalinkPost } from "@/lib/wordpress/permalinks";
import { parsePhpSerialized, phpPath } from "@/lib/wordpress/php-serialized";
import { decodePostName, importedSlug } from "@/lib/wordpress/slugs";
import { pageStatus, storyStatus } from "@/lib/wordpress/statuses";
import { categoryParents, storyTaxonomy } from "@/lib/wordpress/terms";
import { plainText } from "@/lib/wordpress/text";
import type { WxrComment, WxrItem, WxrTerm } from "@/lib/wordpress/wxr-types";
import { fixtureCounts, readFixtureRecords } from "@/tests/support/wordpress-fixture";

let items: Map<number, WxrItem>;
let terms: WxrTerm[];
beforeAll(async () => {
  const records = await readFixtureRecords();
  items = new Map(records.flatMap((record) => (record.kind === "item" ? [[record.item.wordpressId, record.item] as const] : [])));
  terms = records.flatMap((record) => (record.kind === "term" ? [record.term] : []));
});

describe("statuses (PRODUCT.md)", () => {
  test.each([
    ["publish", "", { ok: true, value: "PUBLISHED" }],
    ["draft", "", { ok: true, value: "IN_REVIEW" }],
    ["pending", "", { ok: true, value: "IN_REVIEW" }],
    ["future", "", { ok: true, value: "SCHEDULED" }],
    ["private", "", { ok: true, value: "DRAFT", note: "private in WordPress: imported as a draft" }],
    ["publish", "doha2016", { ok: true, value: "DRAFT", note: "password-protected in WordPress: imported as a draft" }],
    ["archived", "", { ok: true, value: "DRAFT", note: 'WordPress status "archived" is not one Newsroom knows: imported as a draft' }],
    ["trash", "", { ok: false, reason: "it is in WordPress's trash" }],
    ["auto-draft", "", { ok: false, reason: "it is an auto-draft WordPress made and nobody saved" }],
  ])("a story with status %s and password %j", (status, password, expected) => {
    expect(storyStatus({ status, password })).toEqual(expected);
  });

  test.each([
    ["publish", "", "PUBLISHED"],
    ["draft", "", "DRAFT"],
    ["private", "", "DRAFT"],
    ["publish", "secret", "DRAFT"],
  ])("a page with status %s and password %j", (status, password, expected) => {
    expect(pageStatus({ status, password })).toMatchObject({ ok: true, value: expected });
  });

  test("the fixture's posts", () => {
    const statuses = [4, 7, 10, 13, 14, 15, 16].map((id) => storyStatus(items.get(id)!));
    expect(statuses.map((outcome) => (outcome.ok ? outcome.value : outcome.reason))).toEqual(["PUBLISHED", "PUBLISHED", "PUBLISHED", "DRAFT", "IN_REVIEW", "SCHEDULED", "DRAFT"]);
  });
});

describe("dates", () => {
  test.each([
    ["UTC is trusted when present", "2016-06-21 14:32:00", "2016-06-21 13:32:00", undefined, "2016-06-21T13:32:00.000Z", undefined],
    ["a draft's local time in the site's zone (summer time)", "2016-06-21 14:32:00", "0000-00-00 00:00:00", "Europe/London", "2016-06-21T13:32:00.000Z", "no UTC date in the file: its local date was read in Europe/London"],
    ["a draft's local time in the site's zone (winter)", "2016-12-05 10:15:00", "", "Europe/London", "2016-12-05T10:15:00.000Z", "no UTC date in the file: its local date was read in Europe/London"],
    ["a fixed offset", "2016-10-02 11:00:00", "0000-00-00 00:00:00", "+01:00", "2016-10-02T10:00:00.000Z", "no UTC date in the file: its local date was read in +01:00"],
    ["no zone known: read as UTC and said so", "2016-10-02 11:00:00", "0000-00-00 00:00:00", undefined, "2016-10-02T11:00:00.000Z", "no UTC date in the file and the site's time zone is unknown: its local date was read as UTC"],
  ])("%s", (_label, local, gmt, zone, iso, note) => {
    const outcome = wordpressInstant(local, gmt, zone);
    expect(outcome.ok && outcome.value.toISOString()).toBe(iso);
    expect(outcome.ok && outcome.note).toBe(note ?? undefined);
  });

  test.each([
    ["0999-12-31 23:59:59", "the date 0999-12-31 23:59:59 is out of range (years 1000–9999)"],
    ["2016-02-30 10:00:00", "the date 2016-02-30 10:00:00 is not on the calendar"],
    ["2016-06-21 25:00:00", "the date 2016-06-21 25:00:00 is not on the calendar"],
    ["12016-06-21 10:00:00", '"12016-06-21 10:00:00" is not a date'],
    ["yesterday", '"yesterday" is not a date'],
  ])("%s is refused with its reason", (gmt, reason) => {
    expect(wordpressInstant("", gmt)).toEqual({ ok: false, reason });
  });

  test("no date at all is refused", () => {
    expect(wordpressInstant("0000-00-00 00:00:00", "0000-00-00 00:00:00")).toEqual({ ok: false, reason: "it has no date" });
  });
});

describe("titles and slugs", () => {
  test.each([
    ["Oil &amp; gas shares slide", "Oil & gas shares slide"],
    ["Fish &amp;amp; chips", "Fish &amp; chips"],
    ["<em>Breaking</em>: markets&nbsp;fall &#8211; again", "Breaking: markets\u00a0fall – again"],
    ['Minister calls rural budget "a betrayal"', 'Minister calls rural budget "a betrayal"'],
    ["Is 5 < 6?", "Is 5 < 6?"],
  ])("plainText(%j)", (title, expected) => {
    expect(plainText(title)).toBe(expected);
  });

  test.each([
    ["cafe-owners-in-montreal-toast-a-record-summer-%e2%98%95", "cafe-owners-in-montreal-toast-a-record-summer-☕"],
    ["internal-aleppo-coverage-plan-%d8%ae%d8%b7%d8%a9", "internal-aleppo-coverage-plan-خطة"],
    ["bad-escape-%zz-%e2", "bad-escape-%zz-%e2"],
  ])("decodePostName(%j)", (postName, expected) => {
    expect(decodePostName(postName)).toBe(expected);
  });

  test("Newsroom slugs: from the decoded post name, from the title when WordPress left it empty, never empty", () => {
    expect(importedSlug(items.get(7)!)).toBe("cafe-owners-in-montreal-toast-a-record-summer");
    expect(importedSlug(items.get(16)!)).toBe("internal-aleppo-coverage-plan-khtt-tghtyt-hlb");
    expect(importedSlug(items.get(14)!)).toBe("lagos-lagoon-plan-what-the-governor-hasnt-said");
    expect(importedSlug({ postName: "%f0%9f%93%88", title: "📈", wordpressId: 99 })).toBe("wordpress-99");
  });
});

describe("roles", () => {
  test.each([
    ["administrator", "ADMIN", undefined],
    ["editor", "EDITOR", undefined],
    ["author", "WRITER", undefined],
    ["contributor", "WRITER", undefined],
    ["shop_manager", "WRITER", 'WordPress role "shop_manager" has no match: imported as a writer'],
    [undefined, "WRITER", "the export names no role: imported as a writer"],
  ])("%s → %s", (role, expected, note) => {
    expect(staffRole(role)).toEqual(note ? { role: expected, note } : { role: expected });
  });

  test("the fixture's people map as counts.json's roles say", () => {
    expect(fixtureCounts.users.list.map((user) => staffRole(user.role).role)).toEqual(["ADMIN", "EDITOR", "WRITER", "WRITER"]);
  });
});

describe("sections and tags", () => {
  const parents = new Map([
    ["news", ""],
    ["world", "news"],
    ["middle-east", "world"],
    ["business", ""],
  ]);
  const category = (slug: string) => ({ taxonomy: "category", slug, name: slug });

  test("a child category keeps its parent's section and becomes a tag", () => {
    expect(storyTaxonomy([category("middle-east"), { taxonomy: "post_tag", slug: "iraq", name: "Iraq" }], parents)).toEqual({
      sectionSlug: "news",
      tags: [
        { slug: "middle-east", name: "middle-east" },
        { slug: "iraq", name: "Iraq" },
      ],
      notes: [],
    });
  });

  test("a story has one section: a second category becomes a tag, named in the report — unless it is the one marked primary", () => {
    expect(storyTaxonomy([category("business"), category("world")], parents)).toEqual({
      sectionSlug: "business",
      tags: [{ slug: "world", name: "world" }],
      notes: ['also in category "world", kept as a tag (a story has one section)'],
    });
    expect(storyTaxonomy([category("business"), category("world")], parents, "world").sectionSlug).toBe("news");
  });

  test("a loop of parents does not hang", () => {
    expect(storyTaxonomy([category("a")], new Map([["a", "b"], ["b", "a"]])).sectionSlug).toBe("b");
  });

  test("the fixture's two-category post", () => {
    const taxonomy = storyTaxonomy(items.get(13)!.terms, categoryParents(terms));
    expect(taxonomy.sectionSlug).toBe("business");
    expect(taxonomy.tags.map((tag) => tag.slug)).toEqual(["world", "oil", "opec"]);
  });
});

describe("comments", () => {
  const comment = (fields: Partial<WxrComment>): WxrComment => ({
    wordpressId: 1,
    author: "Reader",
    authorEmail: "reader@example.com",
    authorUrl: "",
    authorIp: "192.0.2.1",
    date: "2016-06-21 15:10:00",
    dateGmt: "2016-06-21 14:10:00",
    content: "text",
    approved: "1",
    type: "comment",
    parentId: 0,
    userId: 0,
    meta: [],
    ...fields,
  });

  test.each([
    ["1", "APPROVED"],
    ["0", "PENDING"],
    ["spam", "SPAM"],
    ["trash", "TRASH"],
    ["post-trashed", "TRASH"],
  ])("comment_approved %s → %s", (approved, status) => {
    expect(commentStatus(approved)).toEqual({ status });
  });

  test("the seed story's thread: the reply under Darren, the pingback counted and skipped, depths as counts.json has them", () => {
    const thread = threadComments(items.get(4)!.comments);
    expect(thread.comments.map((threaded) => [threaded.comment.author, threaded.status, threaded.parentWordpressId, threaded.depth])).toEqual([
      ["Darren", "APPROVED", null, 1],
      ["Leila Haddad", "APPROVED", 2, 2],
      ["Mark O'Neill", "PENDING", null, 1],
      ["Sami", "TRASH", null, 1],
    ]);
    expect(thread.skipped.map((skipped) => [skipped.kind, skipped.reason])).toEqual([["pingback", "a pingback, not a reader's comment"]]);
    // counts.json counts the site's six comments; the spam one (top-level) is never exported.
    const depths = [...thread.comments.map((threaded) => threaded.depth), ...thread.skipped.map(() => 1)];
    const spamComments = 1;
    expect(depths.filter((depth) => depth === 1)).toHaveLength(5 - spamComments);
    expect(depths.filter((depth) => depth === 2)).toHaveLength(1);
  });

  test("a reply whose parent is missing, skipped or itself is kept at the top level and named", () => {
    const thread = threadComments([
      comment({ wordpressId: 10, parentId: 99 }),
      comment({ wordpressId: 11, type: "trackback" }),
      comment({ wordpressId: 12, parentId: 11 }),
      comment({ wordpressId: 13, parentId: 14 }),
      comment({ wordpressId: 14, parentId: 13 }),
      comment({ wordpressId: 15, parentId: 15 }),
    ]);
    expect(thread.comments.map((threaded) => [threaded.comment.wordpressId, threaded.parentWordpressId, threaded.notes])).toEqual([
      [10, null, ["its parent comment 99 is not in the file: kept at the top level"]],
      [12, null, ["its parent comment 11 was not imported: kept at the top level"]],
      [14, null, ["its parents loop back to it: kept at the top level"]],
      [13, 14, []],
      [15, null, ["its parents loop back to it: kept at the top level"]],
    ]);
  });

  test("replies come after their parents even when the file lists them first; comments without or with a repeated id are skipped", () => {
    const thread = threadComments([comment({ wordpressId: 2, parentId: 1 }), comment({ wordpressId: 1 }), comment({ wordpressId: null }), comment({ wordpressId: 1, content: "again" })]);
    expect(thread.comments.map((threaded) => [threaded.comment.wordpressId, threaded.depth])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(thread.skipped.map((skipped) => skipped.reason)).toEqual(["it has no wp:comment_id", "a second comment with id 1"]);
  });
});

describe("attachments", () => {
  test("the seed story's featured image: caption, alt, the credit inside the PHP-serialized metadata, sizes", () => {
    expect(featuredImageId(items.get(4)!)).toBe(5);
    const details = attachmentDetails(items.get(5)!);
    expect(details).toMatchObject({
      wordpressId: 5,
      url: "http://127.0.0.1:8081/wp-content/uploads/2016/06/mosul-frontline.jpg",
      uploadPath: "2016/06/mosul-frontline.jpg",
      caption: "A frontline position south of Mosul, Nineveh province",
      alt: "© الجهاد في سبيل الله",
      credit: "© الجهاد في سبيل الله",
      width: 1200,
      height: 675,
      parentWordpressId: 4,
    });
    expect(details.sizes.map((size) => [size.name, size.file])).toEqual([
      ["medium", "mosul-frontline-300x169.jpg"],
      ["large", "mosul-frontline-1024x576.jpg"],
      ["thumbnail", "mosul-frontline-150x150.jpg"],
      ["medium_large", "mosul-frontline-768x432.jpg"],
    ]);
    expect(details.metadataNote).toBeUndefined();
  });

  test("metadata holding an object is not read, and the attachment says so", () => {
    const item = { ...items.get(5)!, meta: [{ key: "_wp_attachment_metadata", value: 'O:8:"stdClass":1:{s:4:"file";s:5:"x.jpg";}' }] };
    expect(attachmentDetails(item)).toMatchObject({ credit: "", sizes: [], metadataNote: "its _wp_attachment_metadata could not be read safely: credit and sizes unknown" });
  });
});

describe("parsePhpSerialized reads plain data only", () => {
  test("arrays, strings (lengths in UTF-8 bytes), integers, floats, booleans and null", () => {
    const value = parsePhpSerialized('a:5:{s:6:"credit";s:10:"© Reuters";i:0;i:-42;s:1:"f";d:1.5;s:1:"b";b:1;s:1:"n";N;}');
    expect(phpPath(value, "credit")).toBe("© Reuters");
    expect([phpPath(value, 0), phpPath(value, "f"), phpPath(value, "b"), phpPath(value, "n")]).toEqual([-42, 1.5, true, null]);
  });

  test.each([
    ["an object", 'O:8:"stdClass":0:{}'],
    ["an object inside an array", 'a:1:{i:0;O:7:"Exploit":0:{}}'],
    ["a custom-serialized object", 'C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}'],
    ["a reference", 'a:2:{i:0;s:1:"x";i:1;R:2;}'],
    ["an enum", 'E:7:"Foo:Bar";'],
    ["a string whose length is wrong (a classic bad search-and-replace)", 's:5:"© Reuters";'],
    ["a count larger than the text", "a:99999999:{}"],
    ["arrays nested past any real metadata", `${"a:1:{i:0;".repeat(40)}N;${"}".repeat(40)}`],
    ["trailing text", "i:1;extra"],
    ["not serialized at all", "credit: Reuters"],
  ])("refuses %s", (_label, text) => {
    expect(parsePhpSerialized(text)).toBeUndefined();
  });
});

describe("permalinks", () => {
  const post = (fields: Partial<PermalinkPost>): PermalinkPost => ({
    wordpressId: 42,
    link: "",
    postName: "port-strike-ends",
    postDate: "2016-06-21 14:32:05",
    categoryPath: ["news", "world"],
    authorLogin: "rania.khalil",
    ...fields,
  });

  test.each([
    ["/%year%/%monthnum%/%postname%/", "https://old.example/2016/06/port-strike-ends/"],
    ["/%year%/%monthnum%/%day%/%postname%/", "https://old.example/2016/06/21/port-strike-ends/"],
    ["/%postname%/", "https://old.example/port-strike-ends/"],
    ["/archives/%post_id%", "https://old.example/archives/42"],
    ["/?p=%post_id%", "https://old.example/?p=42"],
    ["/%category%/%postname%/", "https://old.example/news/world/port-strike-ends/"],
    ["/%author%/%postname%/", "https://old.example/rania-khalil/port-strike-ends/"],
    ["/news/%postname%.html", "https://old.example/news/port-strike-ends.html"],
    ["/%post_id%/%postname%/", "https://old.example/42/port-strike-ends/"],
  ])("%s is read back from a link", (structure, link) => {
    const inferred = inferPermalinkStructure([post({ link })], "https://old.example");
    expect(inferred).toEqual({ structure, matching: 1, total: 1 });
    expect(oldAddressKey(permalinkPath(structure, post({})), "https://old.example")).toBe(oldAddressKey(link, "https://old.example"));
  });

  test("the fixture's structure, from its published posts, explains every one of their links", () => {
    const parents = categoryParents(terms);
    const published = fixtureCounts.published_posts.map(({ wp_post_id }) => items.get(wp_post_id)!);
    const samples = published.map((item) => ({ wordpressId: item.wordpressId, link: item.link, postName: item.postName, postDate: item.postDate, categoryPath: [storyTaxonomy(item.terms, parents).sectionSlug ?? ""], authorLogin: item.creator }));
    expect(inferPermalinkStructure(samples, "http://127.0.0.1:8081")).toEqual({ structure: fixtureCounts.permalink_structure, matching: 4, total: 4 });
  });

  test("a site in a subfolder, and a draft's ?p= link counted only when nothing else explains the links", () => {
    const inferred = inferPermalinkStructure([post({ link: "https://old.example/blog/2016/06/port-strike-ends/" }), post({ wordpressId: 7, link: "https://old.example/blog/?p=7" })], "https://old.example/blog");
    expect(inferred).toEqual({ structure: "/%year%/%monthnum%/%postname%/", matching: 1, total: 2 });
  });

  test("old addresses are keyed one way, whatever the case of the escapes and the trailing slash", () => {
    const site = "http://127.0.0.1:8081";
    const key = oldAddressKey("http://127.0.0.1:8081/2016/09/cafe-owners-in-montreal-toast-a-record-summer-%e2%98%95/", site);
    expect(key).toBe("/2016/09/cafe-owners-in-montreal-toast-a-record-summer-☕");
    expect(oldAddressKey("/2016/09/cafe-owners-in-montreal-toast-a-record-summer-%E2%98%95", site)).toBe(key);
    expect(oldAddressKey("http://127.0.0.1:8081/?p=14&utm_source=x", site)).toBe("/?p=14");
    expect(oldAddressKey("http://127.0.0.1:8081/", site)).toBe("/");
  });
});
