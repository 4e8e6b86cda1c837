/**
 * Times the moderation queue page end to end (HTTP, server rendering, the
 * database) as a signed-in moderator sees it, against a running server:
 *
 *   BENCH_BASE_URL=http://127.0.0.1:3511 BENCH_EMAIL=… BENCH_PASSWORD=… npx tsx bench/moderation-page.ts [--runs 30]
 *
 * Signs in through next-auth's own endpoints (CSRF token, then credentials),
 * then requests each page sequentially and prints median and p95 in ms.
 */

const base = (process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3511").replace(/\/$/, "");
const email = process.env.BENCH_EMAIL;
const password = process.env.BENCH_PASSWORD;
const runsIndex = process.argv.indexOf("--runs");
const RUNS = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 30;

const jar = new Map<string, string>();
function remember(response: Response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const [name, ...value] = (pair ?? "").split("=");
    if (name) jar.set(name.trim(), value.join("="));
  }
}
const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

async function signIn(): Promise<void> {
  if (!email || !password) throw new Error("set BENCH_EMAIL and BENCH_PASSWORD (a moderator, editor or admin of the bench database)");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  remember(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
}

async function time(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie: cookieHeader() }, redirect: "manual" });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes("Moderation")) throw new Error(`${path} answered ${response.status}`);
  return elapsed;
}

async function main(): Promise<void> {
  await signIn();
  const pages = [
    "/dashboard/moderation",
    "/dashboard/moderation?queue=approved",
    "/dashboard/moderation?queue=reported",
    "/dashboard/moderation?q=quarantine&queue=approved",
    "/dashboard/moderation?q=council&queue=approved",
    "/dashboard/moderation/log",
  ];
  console.log(`| page | median ms | p95 ms |\n| --- | ---: | ---: |`);
  for (const path of pages) {
    for (let warm = 0; warm < 3; warm += 1) await time(path);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await time(path));
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
    console.log(`| \`${path}\` | ${at(50).toFixed(1)} | ${at(95).toFixed(1)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
