// Debian's nginx serving one file, for a benchmark's "the same bytes as a static file" row: started with a
// temporary configuration on a free port and stopped after. Null when nginx is not installed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../db/embedded";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"];

export function findNginx() {
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? (spawnSync("which", ["nginx"]).stdout?.toString().trim() || null);
}

/**
 * Serves `body` at /page with `headers` (Content-Type, Content-Encoding…), as a file with its ETag and
 * Last-Modified, `workers` worker processes, no access log — what nginx does for a static file by default.
 */
export async function startNginx({ body, headers, workers }: { body: Buffer; headers: Record<string, string>; workers: number }) {
  const binary = findNginx();
  if (!binary) return null;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "footnote-nginx-"));
  fs.chmodSync(root, 0o755);
  fs.mkdirSync(path.join(root, "www"));
  fs.writeFileSync(path.join(root, "www", "page"), body);
  fs.chmodSync(path.join(root, "www"), 0o755);
  fs.chmodSync(path.join(root, "www", "page"), 0o644);
  const port = await freePort();
  const type = headers["Content-Type"] ?? "application/octet-stream";
  const added = Object.entries(headers)
    .filter(([name]) => name !== "Content-Type")
    .map(([name, value]) => `add_header ${name} "${value}";`)
    .join(" ");
  const temp = (name: string) => `${name}_temp_path ${path.join(root, name)};`;
  fs.writeFileSync(
    path.join(root, "nginx.conf"),
    `worker_processes ${workers};
daemon off;
pid ${path.join(root, "nginx.pid")};
error_log ${path.join(root, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}
  server {
    listen 127.0.0.1:${port};
    root ${path.join(root, "www")};
    location = /page { types { } default_type "${type}"; ${added} }
  }
}
`,
  );
  const child = spawn(binary, ["-p", root, "-c", path.join(root, "nginx.conf"), "-e", path.join(root, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}/page`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}${fs.existsSync(path.join(root, "error.log")) ? fs.readFileSync(path.join(root, "error.log"), "utf8") : ""}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) throw new Error("nginx did not answer");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
