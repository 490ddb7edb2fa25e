// The ledger equals the reference model for any generated log, delivered twice in random
// batches and random order by one client (runs on PGlite too; concurrency: model.pg.test.ts).
import { describe, it } from "vitest";
import { moneyModelProperty, runs, timeout } from "./property";

describe("money is a function of the log (one client)", () => {
  it(`matches the reference model to the cent, ${runs(3)} logs`, moneyModelProperty("one client", 1, runs(3)), timeout(3));
});
