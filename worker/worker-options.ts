import { fileURLToPath } from "node:url";

export const workflowsPath = fileURLToPath(new URL("../workflows/index.ts", import.meta.url));

/** The entry of the worker's workflow threads (see workflow-thread.ts). */
export const workflowThreadPath = fileURLToPath(new URL("./workflow-thread.ts", import.meta.url));
