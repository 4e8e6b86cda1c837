import pg from "pg";

/**
 * Load without loss: many concurrent readers post comments through the real
 * HTTP API, some retrying with the same Idempotency-Key (as a client whose
 * connection dropped would), and then the database is compared with what the
 * server answered. Shared by e2e/comment-flood.spec.ts (a CI-sized run) and
 * bench/comment-flood.ts (10,000 comments), so both check the same things.
 */

export interface FloodOptions {
  baseUrl: string;
  databaseUrl: string;
  /** Published stories to comment on, spread round-robin. */
  slugs: string[];
  total: number;
  concurrency: number;
  /** Tag in every body and key of this run, so the run's rows can be told from others (by body: a copy stored without its key is still found). */
  runTag: string;
  /** Every n-th comment is sent again with the same key once answered (a client retry). */
  retryEvery?: number;
  /** Per-client address for a server with TRUST_PROXY=1; without it every post comes from the socket's address. */
  forwardedFor?: (client: number) => string;
}

export interface FloodResult {
  posted: number;
  retried: number;
  accepted: number;
  byStatus: Record<number, number>;
  acceptedAs: Record<string, number>;
  replayMismatches: number;
  networkErrors: number;
  /** 503 answers that were retried with the same key. */
  unavailable: number;
  stored: number;
  storedTwice: number;
  storedUnanswered: number;
  acceptedMissing: number;
  durationMs: number;
  perSecond: number;
}

interface Answer {
  status: number;
  id?: string;
  commentStatus?: string;
}

/**
 * The text of the run's comment number `index`: unique, so what is stored can be matched to what was sent by
 * content alone. A hold word in every third comment gives the queues both Pending and Approved comments (mode NONE).
 */
const bodyOf = (runTag: string, index: number) => `Flood ${runTag} comment ${index}${index % 3 === 0 ? " refund" : ""}.`;
const runBodies = (runTag: string) => `Flood ${runTag} comment %`;

async function postOnce(options: FloodOptions, index: number, client: number): Promise<Answer> {
  const slug = options.slugs[index % options.slugs.length]!;
  const headers: Record<string, string> = { "content-type": "application/json", "idempotency-key": `${options.runTag}-${index}` };
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor(client);
  const response = await fetch(`${options.baseUrl}/api/v1/articles/${slug}/comments`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      authorName: `Flood reader ${index % 997}`,
      authorEmail: `flood-${index % 997}-${options.runTag}@readers.example`,
      body: bodyOf(options.runTag, index),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; status?: string };
  return { status: response.status, id: body.id, commentStatus: body.status };
}

/**
 * A network failure or a 503 (the server could not reach its database in
 * time, and says when to retry) is retried with the same key, as a careful
 * client does; the answer that finally arrives counts.
 */
async function post(options: FloodOptions, index: number, client: number, counters: { networkErrors: number; unavailable: number }): Promise<Answer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await postOnce(options, index, client);
      if (answer.status !== 503 || attempt >= 5) return answer;
      counters.unavailable += 1;
    } catch (error) {
      counters.networkErrors += 1;
      if (attempt >= 5) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
}

export async function floodComments(options: FloodOptions): Promise<FloodResult> {
  const answers = new Map<number, Answer>();
  const counters = { networkErrors: 0, unavailable: 0, retried: 0, replayMismatches: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      for (let index = next++; index < options.total; index = next++) {
        const answer = await post(options, index, client, counters);
        answers.set(index, answer);
        if (options.retryEvery && index % options.retryEvery === 0) {
          counters.retried += 1;
          const again = await post(options, index, client, counters);
          // A retry of an accepted comment must name the same comment; a retry of a refused one may now be accepted.
          if (answer.status === 201 && (again.status !== 201 || again.id !== answer.id)) counters.replayMismatches += 1;
          if (answer.status !== 201 && again.status === 201) answers.set(index, again);
        }
      }
    }),
  );
  const durationMs = performance.now() - started;

  const accepted = [...answers.values()].filter((answer) => answer.status === 201);
  const byStatus: Record<number, number> = {};
  const acceptedAs: Record<string, number> = {};
  for (const answer of answers.values()) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  for (const answer of accepted) acceptedAs[answer.commentStatus ?? "?"] = (acceptedAs[answer.commentStatus ?? "?"] ?? 0) + 1;

  const stored = await storedComments(options.databaseUrl, options.runTag);
  const acceptedIds = new Set(accepted.map((answer) => answer.id));
  const storedIds = new Set(stored.map((row) => row.id));
  // Counted by content, not by key: the key is unique by index, so a duplicate could only hide as a copy stored under another key or none.
  const bodies = stored.map((row) => row.body);
  return {
    posted: options.total,
    retried: counters.retried,
    accepted: accepted.length,
    byStatus,
    acceptedAs,
    replayMismatches: counters.replayMismatches,
    networkErrors: counters.networkErrors,
    unavailable: counters.unavailable,
    stored: stored.length,
    storedTwice: bodies.length - new Set(bodies).size,
    storedUnanswered: stored.filter((row) => !acceptedIds.has(row.id)).length,
    acceptedMissing: [...acceptedIds].filter((id) => !storedIds.has(id!)).length,
    durationMs: Math.round(durationMs),
    perSecond: Math.round((options.total + counters.retried) / (durationMs / 1000)),
  };
}

async function storedComments(databaseUrl: string, runTag: string): Promise<{ id: string; body: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; body: string }>(`SELECT id::text AS id, body FROM "Comment" WHERE body LIKE $1`, [runBodies(runTag)]);
    return rows;
  } finally {
    await client.end();
  }
}

/** Per story: approved and pending comments as the database holds them. */
export async function storedCountsBySlug(databaseUrl: string, runTag: string): Promise<Map<string, { approved: number; pending: number }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string; approved: number; pending: number }>(
      `SELECT a.slug,
              count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
              count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending
       FROM "Comment" c JOIN "Article" a ON a.id = c."articleId"
       WHERE c.body LIKE $1 GROUP BY a.slug`,
      [runBodies(runTag)],
    );
    return new Map(rows.map((row) => [row.slug, { approved: row.approved, pending: row.pending }]));
  } finally {
    await client.end();
  }
}
