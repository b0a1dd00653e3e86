import { describe, expect, it } from "vitest";
import { benchOptions } from "../../bench/options.js";

describe("benchmark options", () => {
  it("takes the full sizes and no PostgreSQL server when nothing is given", () => {
    expect(benchOptions([], {})).toEqual({
      people: 200,
      repeats: 3,
      outboxMessages: 20000,
      historyPeople: 100000,
      historyBookings: 1000000,
      thinkMs: [500, 1500],
      postgres: undefined,
    });
  });

  it("reads every size and the server from the arguments", () => {
    const options = benchOptions(
      [
        ...["--people", "20", "--repeats", "1", "--outbox-messages", "200", "--history-people", "2000", "--history-bookings", "20000"],
        ...["--think-ms", "1-5", "--postgres", "postgres://bench@127.0.0.1:5432/postgres"],
      ],
      {},
    );
    expect(options).toEqual({
      people: 20,
      repeats: 1,
      outboxMessages: 200,
      historyPeople: 2000,
      historyBookings: 20000,
      thinkMs: [1, 5],
      postgres: "postgres://bench@127.0.0.1:5432/postgres",
    });
  });

  it("takes the server from BENCH_DATABASE_URL, unless --postgres names another", () => {
    const env = { BENCH_DATABASE_URL: "postgresql://bench@db:5432/postgres" };
    expect(benchOptions([], env).postgres).toBe("postgresql://bench@db:5432/postgres");
    expect(benchOptions(["--postgres", "postgres://other@db:5432/postgres"], env).postgres).toBe("postgres://other@db:5432/postgres");
    expect(benchOptions([], { BENCH_DATABASE_URL: "" }).postgres).toBeUndefined();
  });

  it("refuses sizes that are not whole numbers above zero, naming the option", () => {
    expect(() => benchOptions(["--people", "0"], {})).toThrow(/--people/);
    expect(() => benchOptions(["--repeats", "two"], {})).toThrow(/--repeats/);
    expect(() => benchOptions(["--history-bookings", "1.5"], {})).toThrow(/--history-bookings/);
    expect(() => benchOptions(["--peple", "20"], {})).toThrow();
  });

  it("refuses a pause that is not two whole numbers above zero, the first not above the second", () => {
    expect(benchOptions(["--think-ms", "300-300"], {}).thinkMs).toEqual([300, 300]);
    for (const pause of ["0-5", "5-1", "500", "0.5-1.5", "500-", "1-5-9", "a-b"]) {
      expect(() => benchOptions(["--think-ms", pause], {}), pause).toThrow(/--think-ms/);
    }
  });

  it("refuses a server that is not a PostgreSQL URL, without repeating it", () => {
    const error = (() => {
      try {
        benchOptions(["--postgres", "sqlite:secret.db"], {});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/postgres:\/\/USER@HOST:PORT\/DATABASE/);
    expect(error?.message).not.toContain("secret");
    expect(() => benchOptions([], { BENCH_DATABASE_URL: "mysql://db" })).toThrow(/BENCH_DATABASE_URL/);
  });
});
