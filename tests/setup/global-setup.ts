// Vitest global setup: one throwaway server and a migrated template database per run;
// each worker clones the template (tests/setup/integration.ts).
import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../../scripts/build-if-needed";
import { createMigratedDatabase, dropDatabasesLike, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseBaseUrl: string;
    testTemplateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  // tests/http.ts serves the built app: build it when the sources changed since the last build.
  await buildIfNeeded(() => {});
  const server = await startTestServer("vitest");
  const template = `footnote_test_template_${process.pid}`;
  await createMigratedDatabase(server, template);
  project.provide("testDatabaseBaseUrl", server.url("postgres"));
  project.provide("testTemplateDatabase", template);
  return async () => {
    await dropDatabasesLike(server, template);
    await server.stop();
  };
}
