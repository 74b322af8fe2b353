// `npm run suggestions:refresh`: recomputes the likely-unsourced suggestions of every section and visible
// comment (pending ones are replaced; promoted and discarded ones are kept), then prints the counts.
import { migrate, openDatabase } from "./db/database";

const database = await openDatabase((line) => console.error(`[db] ${line}`));
process.env.DATABASE_URL = database.url;
let failed = false;
try {
  await migrate(database.url);
  const { refreshSuggestions } = await import("../app/models/suggestion.server");
  const started = performance.now();
  const result = await refreshSuggestions();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.pending} pending suggestions in ${result.sections} sections and ${result.comments} visible comments (${seconds} s).`);
  const { closeAppConnections } = await import("../app/models/connections.server");
  await closeAppConnections();
} catch (error) {
  console.error(`Refresh stopped: ${(error as Error).message}`);
  failed = true;
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
