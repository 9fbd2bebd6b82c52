import { inject } from "vitest";

/**
 * Integration files run several at a time, each against a database and a Temporal server of its own
 * (global-setup.ts starts one set per worker). A worker's VITEST_POOL_ID (1 to maxWorkers) is held
 * by one file at a time, so it names the set the file may use.
 */
function slot(): number {
  const sets = inject("databaseUrls").length;
  const id = Number(process.env.VITEST_POOL_ID ?? "1");
  if (!Number.isInteger(id) || id < 1 || id > sets) {
    throw new Error(`VITEST_POOL_ID ${process.env.VITEST_POOL_ID} has no test services (there are ${sets})`);
  }
  return id - 1;
}

/** This file's own test database. */
export const testDatabaseUrl = (): string => inject("databaseUrls")[slot()] ?? "";

/** This file's own Temporal dev server. */
export const testTemporalAddress = (): string => inject("temporalAddresses")[slot()] ?? "";
