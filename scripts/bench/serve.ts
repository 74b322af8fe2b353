// The production server alone, for load benchmarks that measure it from outside: its memory through
// /proc, and (BENCH_TIMING=1) each request's server time, sent to the parent on request.
import { startServer } from "../server";

const timings: number[] = [];
const server = await startServer({
  port: Number(process.env.PORT),
  log: () => {},
  onRequestTimed: process.env.BENCH_TIMING === "1" ? (_method, _path, milliseconds) => timings.push(milliseconds) : undefined,
});
process.send?.("ready");
process.on("message", (message) => {
  if (message === "timings") process.send?.({ timings: timings.splice(0) });
  if (message === "memory") process.send?.({ memory: process.memoryUsage() });
});
process.on("SIGTERM", async () => {
  await server.close();
  process.exit(0);
});
