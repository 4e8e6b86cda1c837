import type { Queue, QueueFilter } from "@/lib/validation/moderation";

/** The queue page's address for a queue, its filters and (optionally) a page cursor. */
export function queueHref(queue: Queue, filter: QueueFilter, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (queue !== "pending") params.set("queue", queue);
  if (filter.q) params.set("q", filter.q);
  if (filter.article) params.set("article", filter.article);
  if (filter.author) params.set("author", filter.author);
  if (filter.ip) params.set("ip", filter.ip);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/dashboard/moderation${query ? `?${query}` : ""}`;
}

export function formatCount(count: { count: number; capped: boolean }): string {
  return `${count.count.toLocaleString("en")}${count.capped ? "+" : ""}`;
}
