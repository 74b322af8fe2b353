// The production server alone, for load benchmarks that measure its memory from outside.
import { startServer } from "../server";

const server = await startServer({ port: Number(process.env.PORT), log: () => {} });
process.send?.("ready");
process.on("SIGTERM", async () => {
  await server.close();
  process.exit(0);
});
