import path from "node:path";

/** The owner global-setup creates through the first-run setup; every spec starts signed in as them. */
export const TEST_OWNER = {
  name: "Olivia Owner",
  email: "owner@alertflow.test",
  password: "correct horse battery staple",
  workspaceName: "E2E workspace",
};

const authDir = path.join(import.meta.dirname, ".auth");
/** The owner's cookies, loaded into every page (playwright.config.ts `storageState`). */
export const OWNER_STATE = path.join(authDir, "owner.json");
/** A personal API token of the owner (editor role is not enough for member changes, so: owner). */
export const OWNER_TOKEN_FILE = path.join(authDir, "api-token.txt");
