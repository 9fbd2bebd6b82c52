import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * One row for `insert into <table> (<columns>) select <values> where …`: an insert that another
 * part of the same statement decides (drizzle's builder writes `values (…)`, which cannot be made
 * conditional). Each value goes through its column's encoder, as drizzle's insert would, and is
 * cast to the column's type (a parameter in a select list would otherwise be taken as text). A
 * value may be a placeholder (`sql.placeholder`), encoded the same way when the query is filled.
 * Keys left undefined, and keys that are not the table's, are left out, so their columns take
 * their defaults.
 */
export function rowForSelect(table: PgTable, row: Record<string, unknown>): { columns: SQL; values: SQL } {
  const byKey = new Map(Object.entries(getTableColumns(table)));
  const present = Object.entries(row).flatMap(([key, value]: [string, unknown]) => {
    const column = byKey.get(key);
    return column && value !== undefined ? [{ column, value }] : [];
  });
  return {
    columns: sql.join(
      present.map(({ column }) => sql.identifier(column.name)),
      sql`, `,
    ),
    values: sql.join(
      present.map(({ column, value }) => sql`cast(${sql.param(value, column)} as ${sql.raw(column.getSQLType())})`),
      sql`, `,
    ),
  };
}
