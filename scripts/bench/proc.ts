// What a benchmark reads of other processes from /proc (Linux): CPU time, resident memory, children.
import fs from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux x86-64). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a process in ms, with that of its children it has waited for; 0 once it is gone. */
export function cpuMs(pid: number) {
  const fields = statFields(pid);
  if (!fields) return 0;
  // After the name: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17), here from index 0 = field 3.
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) children.push(Number(entry));
  }
  return children;
}

/** A process and its children (cluster workers; PostgreSQL's backends and helpers). */
export function processTree(pid: number) {
  return [pid, ...childrenOf(pid)];
}

/** Resident memory of a process in MB. */
export function rssMegabytes(pid: number) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The postmaster listening on `port` (started with `-p <port>`), found by its command line. */
export function postmasterOnPort(port: number): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    if (!args[0]?.endsWith("postgres")) continue;
    const at = args.indexOf("-p");
    if (at >= 0 && args[at + 1] === String(port)) return Number(entry);
  }
  return null;
}

/** CPU ms of several process trees, each process counted once, read now (their members listed again at each call). */
export function treesCpuMs(roots: number[]) {
  return [...new Set(roots.flatMap(processTree))].reduce((sum, pid) => sum + cpuMs(pid), 0);
}
