import { fileURLToPath } from "node:url";

export const workflowsPath = fileURLToPath(new URL("./index.ts", import.meta.url));
