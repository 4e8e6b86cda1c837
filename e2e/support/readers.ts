/**
 * Anonymous readers hammering a few public addresses, as a crowd following an
 * early link (or a crawler) would while an editor acts: each of `concurrency`
 * loops asks for the addresses in turn until told to stop. Every answer is
 * kept with the moment its request was sent, so a test can judge the answers
 * asked for after an action returned apart from those asked for during it.
 */

export interface Reading {
  path: string;
  /** performance.now() when the request was sent. */
  sentAt: number;
  status: number;
  location: string | null;
  body: string;
  /** What the caches said: x-nextjs-cache and x-newsroom-page-cache. */
  cache: string;
}

export interface Crowd {
  stop(): Promise<Reading[]>;
}

/** One anonymous request, as a reader's browser without cookies makes it (redirects are not followed). */
export async function read(origin: string, path: string): Promise<Reading> {
  const sentAt = performance.now();
  try {
    const response = await fetch(`${origin}${path}`, { redirect: "manual" });
    return {
      path,
      sentAt,
      status: response.status,
      location: response.headers.get("location"),
      body: await response.text(),
      cache: `${response.headers.get("x-nextjs-cache") ?? "-"}/${response.headers.get("x-newsroom-page-cache") ?? "-"}`,
    };
  } catch (error) {
    return { path, sentAt, status: 0, location: null, body: String(error), cache: "-" };
  }
}

export function startReaders(origin: string, paths: readonly string[], concurrency: number): Crowd {
  const readings: Reading[] = [];
  let running = true;
  const loop = async (offset: number) => {
    for (let n = offset; running; n += 1) readings.push(await read(origin, paths[n % paths.length]!));
  };
  const loops = Array.from({ length: concurrency }, (_, index) => loop(index));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return readings;
    },
  };
}
