import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { readWxr } from "@/lib/wordpress/wxr-reader";
import type { WxrRecord } from "@/lib/wordpress/wxr-types";

/**
 * The WordPress fixture: a real WordPress 6.1 export with its uploads and exact counts, kept in the
 * repository (tests/fixtures/wordpress, copied unchanged from the product's shared fixtures) so a clean
 * clone tests the importer on it wherever it is checked out.
 */
export const wordpressFixtureDir = process.env.WORDPRESS_FIXTURE_DIR ?? path.resolve(import.meta.dirname, "../fixtures/wordpress");
export const wordpressFixtureFile = path.join(wordpressFixtureDir, "newsroom-small.wxr");

export const fixtureCounts = JSON.parse(readFileSync(path.join(wordpressFixtureDir, "counts.json"), "utf8")) as {
  items_in_export: Record<string, number>;
  posts: { by_status: Record<string, number>; sticky: number[]; password_protected: number[] };
  pages: { by_status: Record<string, number> };
  comments: { in_export_by_status: Record<string, { total: number; by_type: Record<string, number> }> };
  users: { list: { login: string; display_name: string; email: string; role: string; in_export: boolean }[] };
  categories: { list: { name: string; slug: string }[] };
  tags: { list: { name: string; slug: string }[] };
  post_meta_keys: string[];
  published_posts: { wp_post_id: number; post_name: string; permalink: string }[];
  permalink_structure: string;
  site_title: string;
  site_url: string;
  wxr_version: string;
};

export async function readAllRecords(input: Readable | string | Buffer | (string | Buffer)[]): Promise<WxrRecord[]> {
  const stream = input instanceof Readable ? input : Readable.from(Array.isArray(input) ? input : [input]);
  const records: WxrRecord[] = [];
  for await (const record of readWxr(stream)) records.push(record);
  return records;
}

export const readFixtureRecords = () => readAllRecords(createReadStream(wordpressFixtureFile));
