import { resolveDatabase } from "./lib/database";
import { DEMO_USERS_WANTED, seed } from "./lib/tasks";

const database = await resolveDatabase();
try {
  console.log(await seed(database.url, { onlyIfEmpty: false, demoUsers: DEMO_USERS_WANTED }));
} finally {
  await database.release();
}
