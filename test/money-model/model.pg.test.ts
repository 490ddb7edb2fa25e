// The ledger equals the reference model for any generated log, delivered twice in random
// batches, random order and by up to four clients at once (PostgreSQL: real concurrency).
import { describe, it } from "vitest";
import { moneyModelProperty, runs, timeout } from "./property";

describe("money is a function of the log (PostgreSQL, concurrent clients)", () => {
  it(`matches the reference model to the cent, ${runs(8)} logs`, moneyModelProperty("PostgreSQL, up to 4 clients", 4, runs(8)), timeout(8));
});
