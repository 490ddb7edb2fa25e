import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rows, transactionRetrying } from "@/db";

// db/index.ts sends every query with parameters as a named prepared statement (one round trip,
// plan reused) instead of drizzle's unnamed ones. pg_prepared_statements lists the statements
// of the current session, so each check runs inside one transaction (one connection).
describe("prepared statements (PostgreSQL)", () => {
  const preparedLike = (pattern: string) =>
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${pattern} and not from_sql`;

  it("prepares parameterised queries inside transactions and savepoints, and reuses them", async () => {
    const db = await getDb();
    const marker = `prepared-check-${Date.now()}`;
    const counts = await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await rows(tx, sql`select ${i}::int as i, ${marker}::text as marker`);
      const inTransaction = await rows<{ n: number }>(tx, preparedLike(`select $1::int as i, $2::text as marker%`));
      const inSavepoint = await tx.transaction(async (nested) => {
        await rows(nested, sql`select ${marker}::text as nested_marker`);
        return rows<{ n: number }>(nested, preparedLike(`select $1::text as nested_marker%`));
      });
      return { inTransaction: inTransaction[0].n, inSavepoint: inSavepoint[0].n };
    });
    // One statement for three executions: prepared once, then reused.
    expect(counts).toEqual({ inTransaction: 1, inSavepoint: 1 });
  });

  it("still answers queries without parameters (simple protocol) and returns the same rows", async () => {
    const db = await getDb();
    expect(await rows<{ answer: number }>(db, sql`select 42 as answer`)).toEqual([{ answer: 42 }]);
    expect(await rows<{ answer: number }>(db, sql`select ${42}::int as answer`)).toEqual([{ answer: 42 }]);
  });
});

describe("connection settings (PostgreSQL)", () => {
  it("runs the app's statements without JIT compilation, whatever the server's default", async () => {
    const db = await getDb();
    expect(await rows<{ jit: string }>(db, sql`select current_setting('jit') as jit`)).toEqual([{ jit: "off" }]);
  });
});

describe("transactionRetrying (PostgreSQL)", () => {
  it("runs a deadlock's victim again, so both transactions commit", async () => {
    const db = await getDb();
    await db.execute(sql`create table deadlock_probe (id int primary key, n int not null)`);
    await db.execute(sql`insert into deadlock_probe values (1, 0), (2, 0)`);
    // Each transaction takes one row, waits until the other has taken the other row, then wants
    // it: a deadlock on the first attempt, whatever the timing. PostgreSQL aborts one of them.
    let holding = 0;
    let bothHolding!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHolding = resolve));
    const attempts = { a: 0, b: 0 };
    const run = (name: "a" | "b", first: number, second: number) =>
      transactionRetrying(db, async (tx) => {
        attempts[name]++;
        await tx.execute(sql`update deadlock_probe set n = n + 1 where id = ${first}`);
        if (attempts[name] === 1) {
          if (++holding === 2) bothHolding();
          await barrier;
        }
        await tx.execute(sql`update deadlock_probe set n = n + 1 where id = ${second}`);
      });
    await Promise.all([run("a", 1, 2), run("b", 2, 1)]);
    expect(await rows(db, sql`select id, n from deadlock_probe order by id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
    expect(attempts.a + attempts.b).toBe(3); // one of them ran twice
  });

  it("does not run again after any other error", async () => {
    const db = await getDb();
    let attempts = 0;
    await expect(
      transactionRetrying(db, async (tx) => {
        attempts++;
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
