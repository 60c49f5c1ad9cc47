import type { TestProject } from "vitest/node";
import { dropDatabase } from "@/scripts/lib/database";
import { createMigratedDatabase, startTestServer } from "@/scripts/lib/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
    templateDatabase: string;
  }
}

/** One server and one migrated, seeded template per run; each test file clones the template. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createMigratedDatabase(server.adminUrl, "template");
  project.provide("testDatabaseServerUrl", server.adminUrl);
  project.provide("templateDatabase", template.name);
  return async () => {
    await dropDatabase(server.adminUrl, template.name);
    await server.stop();
  };
}
