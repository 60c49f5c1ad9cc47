import { resolveDatabase } from "./lib/database";
import { seed } from "./lib/tasks";

const database = await resolveDatabase();
try {
  console.log(await seed(database.url, { onlyIfEmpty: false }));
} finally {
  await database.release();
}
