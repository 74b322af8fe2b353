// Runs any Prisma CLI command against the project's database (embedded unless DATABASE_URL is set):
//   npm run prisma -- migrate dev --name add_x
import { openDatabase, runPrisma } from "./database";

const args = process.argv.slice(2);
if (args[0] === "generate") {
  // `generate` reads the schema only; Prisma still insists on a datasource URL.
  process.stdout.write(await runPrisma(args, process.env.DATABASE_URL ?? "postgresql://localhost/unused"));
} else {
  const db = await openDatabase((line) => console.error(`[db] ${line}`));
  try {
    process.stdout.write(await runPrisma(args, db.url));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await db.stop();
  }
}
