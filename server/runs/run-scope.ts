import type { Db } from "~/db/client";

/** What every run query needs: the database and the workspace the caller acts in. */
export interface RunScope {
  db: Db;
  workspaceId: string;
}
