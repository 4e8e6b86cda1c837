import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * nginx (Debian's package) serving saved copies of our pages from disk: the
 * "static file" the article page is compared with, on the same machine and in
 * the same run.
 */
export async function startNginx(workDir: string, rootDir: string, port: number): Promise<{ stop: () => Promise<void> }> {
  const prefix = path.join(workDir, "nginx");
  await mkdir(path.join(prefix, "logs"), { recursive: true });
  const config = `
worker_processes auto;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  # A reader whose browser accepts gzip gets the saved index.html.gz, as a static site would serve it.
  gzip_static on;
  server {
    listen 127.0.0.1:${port};
    root ${rootDir};
    location / { try_files $uri $uri/index.html =404; }
  }
}`;
  const file = path.join(prefix, "nginx.conf");
  await writeFile(file, config);
  const child: ChildProcess = spawn("nginx", ["-p", prefix, "-c", file], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  await waitForPort(port, () => errors);
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGQUIT");
      }),
  };
}

export async function waitForPort(port: number, diagnostics: () => string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`nothing answered on port ${port}:\n${diagnostics()}`);
}
