import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and committed; db/migrate.ts applies them.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
