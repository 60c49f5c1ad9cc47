import { resolveDatabase } from "./lib/database";
import { applyMigrations } from "./lib/tasks";

const database = await resolveDatabase();
try {
  console.log(`Applying pending migrations to ${database.description}.`);
  await applyMigrations(database.url);
} finally {
  await database.release();
}
