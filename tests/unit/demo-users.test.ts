import { describe, expect, it } from "vitest";
import { demoUsersOnServer } from "@/scripts/lib/tasks";

describe("demo accounts on `npm run dev` and `npm start`", () => {
  it("are created by `npm run dev`, unless NODE_ENV is production", () => {
    expect(demoUsersOnServer("dev", {})).toBe(true);
    expect(demoUsersOnServer("dev", { DATABASE_URL: "postgresql://localhost/desk" })).toBe(true);
    expect(demoUsersOnServer("dev", { NODE_ENV: "production" })).toBe(false);
  });

  it("are never created by `npm start`, a production server, whatever NODE_ENV or DATABASE_URL say", () => {
    for (const env of [
      {},
      { NODE_ENV: "development" },
      { NODE_ENV: "production" },
      { DATABASE_URL: "postgresql://localhost/desk" },
    ]) {
      expect(demoUsersOnServer("start", env), JSON.stringify(env)).toBe(false);
    }
  });
});
