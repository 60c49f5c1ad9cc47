import { z } from "zod";

/**
 * Rows of a raw query (`$queryRaw`), checked against the schema that describes them instead of asserted
 * with a type argument, so rows that no longer match what the code expects (a column renamed in the SQL,
 * retyped or made nullable by a migration) fail a test instead of reaching a page as `undefined`. Prisma's TypedSQL would generate these types, but its query introspection crashes
 * in the wasm schema engine this project uses offline (stack overflow in `introspectSql`).
 *
 * Development and tests check every row. Production checks the first row only: every row comes from the
 * same SELECT, so a missing, renamed or retyped column shows on the first as on all of them (a NULL
 * where none is expected shows only on its own row: the tests, which check every row, catch that), and
 * the others would only add time. Measured with zod 4.6 on the claims list's row (16 columns, Node 20):
 * 14 µs for the first row, 0.03 ms for 50 rows (listClaims itself takes 4–7 ms for 44 rows on the seed
 * database, so checking them all is lost in its noise), 33 ms for 100,000 (a full CSV export at the
 * benchmark's largest size, where it would count).
 *
 * The schema must not transform (its output type is its input type): in production the other rows are
 * returned as the database gave them, so they must already be what the schema describes.
 */
export function checkedRows<Row>(schema: z.ZodType<Row, Row>, rows: readonly unknown[]): Row[] {
  const checked = checksEveryRow() ? rows : rows.slice(0, 1);
  for (const [index, row] of checked.entries()) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new Error(`Row ${index} of a raw query does not match its schema:\n${z.prettifyError(parsed.error)}`, {
        cause: parsed.error,
      });
    }
  }
  return rows as Row[];
}

function checksEveryRow(): boolean {
  return process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test";
}
