import { defineConfig } from "prisma/config";

// DATABASE_URL is resolved by scripts/ (embedded PostgreSQL when unset) before any
// migrate command runs; `prisma generate` needs no database, hence the empty fallback.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
