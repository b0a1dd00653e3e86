import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** Spreadsheets read a CSV file as UTF-8 (and so show Cyrillic) when it starts with a byte order mark. */
const BOM = "\ufeff";

export function csvDocument(rows: readonly string[][]): Buffer {
  return Buffer.from(BOM + stringify(rows as string[][]), "utf8");
}

export type ReadCsv = { kind: "read"; header: string[]; records: Record<string, string>[] } | { kind: "unreadable"; line: number } | { kind: "empty" };

/**
 * Reads a CSV file as a spreadsheet program saves it: UTF-8 with or without a byte order mark,
 * separated by commas or, as spreadsheets set up for Russian or Kazakh save it, by semicolons
 * (told by the header line).
 */
export function readCsv(content: Buffer): ReadCsv {
  const text = content.toString("utf8").replace(/^\ufeff/, "");
  const headerLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = headerLine.includes(";") && !headerLine.includes(",") ? ";" : ",";
  let lines: string[][];
  try {
    lines = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) return { kind: "unreadable", line: Number((error as CsvError & { lines?: number }).lines ?? 1) };
    throw error;
  }
  const [header, ...rest] = lines;
  if (!header || rest.length === 0) return { kind: "empty" };
  const names = header.map((h) => h.trim().toLowerCase());
  const records = rest.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""])));
  return { kind: "read", header: names, records };
}
