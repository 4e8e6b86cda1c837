import { percentiles, type Percentiles } from "../lib/timing";

/**
 * The same reads end to end: the dashboard pages a signed-in staff member
 * opens (server rendering, session check, the database) and public search,
 * fetched over HTTP from the running app one request at a time.
 */

export interface PageTiming extends Percentiles {
  name: string;
  path: string;
}

/** A staff session through next-auth's own endpoints: CSRF token, then the credentials callback. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) jar.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  remember(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  remember(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`staff sign-in failed (${response.status})`);
  return header();
}

async function timeOnce(url: string, cookie: string | null, expect: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !html.includes(expect)) throw new Error(`${url} answered ${response.status} without “${expect}”`);
  return elapsed;
}

export async function measureStaffPages(options: { base: string; email: string; password: string; runs: number }): Promise<PageTiming[]> {
  const cookie = await signIn(options.base, options.email, options.password);
  const pages: { name: string; path: string; staff: boolean; expect: string }[] = [
    { name: "Dashboard article list", path: "/dashboard/articles", staff: true, expect: "Stories" },
    { name: "Moderation queue, Pending", path: "/dashboard/moderation", staff: true, expect: "Moderation" },
    { name: "Search page (public), “council”", path: "/search?q=council", staff: false, expect: "council" },
    { name: "Search page (public), “hospital strike”", path: "/search?q=hospital+strike", staff: false, expect: "hospital" },
  ];
  const results: PageTiming[] = [];
  for (const page of pages) {
    const url = `${options.base}${page.path}`;
    const session = page.staff ? cookie : null;
    for (let warm = 0; warm < 3; warm += 1) await timeOnce(url, session, page.expect);
    const times: number[] = [];
    for (let run = 0; run < options.runs; run += 1) times.push(await timeOnce(url, session, page.expect));
    results.push({ name: page.name, path: page.path, ...percentiles(times) });
  }
  return results;
}
