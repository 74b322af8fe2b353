// Debian's wrk (C, epoll) as a benchmark's load client: much cheaper than autocannon, which runs in the
// bench's own Node process and takes most of a core of a 2-core machine. Null when wrk is not installed.
import { spawn, spawnSync } from "node:child_process";

/** Clock ticks per second of /proc/<pid>/stat's times (as in proc.ts). */
const TICKS_PER_SECOND = 100;

export function findWrk() {
  return spawnSync("which", ["wrk"]).stdout?.toString().trim() || null;
}

/** "4.1.0" of "wrk debian/4.1.0-3+b2 [epoll] …" (wrk --version prints its usage too, and exits with 1). */
export function wrkVersion(binary: string) {
  const { stdout, stderr } = spawnSync(binary, ["--version"]);
  return /(\d+\.\d+\.\d+)/.exec(`${stdout}${stderr}`)?.[1] ?? "?";
}

export type WrkResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers received, whatever their status. */
  requests: number;
  /** Answers other than 2xx or 3xx: wrk counts a 304 as a success. */
  non2xx3xx: number;
  errors: { connect: number; read: number; write: number; timeout: number };
  /** Bytes read, headers included, from wrk's rounded "1.16MB read". */
  bytes: number;
  /** User + system time of wrk, all its threads. */
  cpuMs: number;
};

/** One wrk run: one thread, `connections` keep-alive connections, `seconds`, latency percentiles. */
export async function runWrk(binary: string, { url, connections, seconds, headers, timeoutSeconds }: { url: string; connections: number; seconds: number; headers: Record<string, string>; timeoutSeconds: number }) {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", `${timeoutSeconds}s`];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  // Node reaps wrk itself, and a reaped process's times are gone from /proc: a shell waits for it and
  // hands over its own /proc/<pid>/stat, whose cutime and cstime are then wrk's, on file descriptor 3.
  const script = `"$0" "$@"; status=$?; cat /proc/$$/stat >&3; exit $status`;
  const child = spawn("sh", ["-c", script, binary, ...args, url], { stdio: ["ignore", "pipe", "pipe", "pipe"] });
  const streams = [child.stdout!, child.stderr!, child.stdio[3]!];
  const texts = streams.map(() => "");
  streams.forEach((stream, index) => stream.on("data", (chunk) => (texts[index] += chunk)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const [output = "", errors = "", stat = ""] = texts;
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${errors || output}`);
  return parseWrk(output, stat);
}

function parseWrk(output: string, stat: string): WrkResult {
  const match = (pattern: RegExp) => {
    const found = pattern.exec(output);
    if (!found) throw new Error(`wrk's output has no ${pattern}:\n${output}`);
    return found;
  };
  const total = match(/(\d+) requests in [\d.]+\w+, ([\d.]+)(\w+) read/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  // After the command name (which may hold spaces), from index 0 = field 3: cutime(16) cstime(17).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    requestsPerSecond: Number(match(/Requests\/sec:\s+([\d.]+)/)[1]),
    p50Ms: milliseconds(match(/\s50%\s+([\d.]+)(\w+)/)),
    p99Ms: milliseconds(match(/\s99%\s+([\d.]+)(\w+)/)),
    requests: Number(total[1]),
    // The two lines are printed only when their counts are not 0.
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: { connect: Number(socket?.[1] ?? 0), read: Number(socket?.[2] ?? 0), write: Number(socket?.[3] ?? 0), timeout: Number(socket?.[4] ?? 0) },
    bytes: Number(total[2]) * byteScale(total[3]!),
    cpuMs: ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND,
  };
}

/** wrk's "738.00us", "1.66ms", "1.20s", "1.01m" as ms. */
function milliseconds([, value, unit]: RegExpExecArray) {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  if (!unit || !(unit in scale)) throw new Error(`wrk's latency unit ${unit} is unknown`);
  return Math.round(Number(value) * scale[unit]! * 100) / 100;
}

/** wrk's byte units are binary: "1.16MB" is 1.16 × 1024². */
function byteScale(unit: string) {
  const power = ["B", "KB", "MB", "GB", "TB", "PB"].indexOf(unit);
  if (power < 0) throw new Error(`wrk's byte unit ${unit} is unknown`);
  return 1024 ** power;
}
