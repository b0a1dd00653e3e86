import pg from "pg";

/** A database made for one part of the benchmark, and how to remove it. */
export interface BenchDatabase {
  /** As `DATABASE_URL` names it. */
  url: string;
  remove(): Promise<void>;
}

/** A PostgreSQL server on which the benchmark makes new, empty databases, each dropped after its part. */
export class PostgresServer {
  private readonly admin: pg.Pool;
  private made = 0;

  constructor(private readonly url: string) {
    this.admin = new pg.Pool({ connectionString: url, max: 1 });
  }

  async newDatabase(): Promise<BenchDatabase> {
    const name = `jastar_bench_${process.pid}_${++this.made}`;
    await this.admin.query(`create database ${name} template template0`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    return { url: url.toString(), remove: async () => void (await this.admin.query(`drop database if exists ${name} with (force)`)) };
  }

  /** The server's version, as `SHOW server_version` gives it. */
  async version(): Promise<string> {
    return (await this.admin.query<{ server_version: string }>("show server_version")).rows[0]!.server_version;
  }

  async close(): Promise<void> {
    await this.admin.end();
  }
}
