import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

/**
 * The server code that words mails, links and notes outside a React render runs where the
 * launcher runs it: plain Node under the react-server condition (`npm start`, the bench's app).
 * There next-intl's entry resolves to a React build without client hooks and the import itself
 * throws, so these modules take createTranslator from use-intl/core. A real child process imports
 * each one under that condition and words a text with it.
 */
const script = `
  await import("./server/auth/invitation-mail.ts");
  await import("./server/ack-links/ack-link-request.ts");
  const { resetPasswordMail } = await import("./server/auth/reset-password-mail.ts");
  const { versionNotes } = await import("./server/flow-templates/version-notes.ts");
  const { demoWords } = await import("./server/demo/demo-words.ts");
  const mail = await resetPasswordMail("fr", { email: "dana@example.com", url: "http://localhost:3000/r" });
  const notes = await versionNotes("nl");
  await demoWords("fr");
  console.log(JSON.stringify({ subject: mail.subject, note: notes.importedFromFile() }));
`;

it(
  "the mail, link and note wording modules load and translate under the launcher's react-server condition",
  { timeout: 60_000 },
  async () => {
    const { stdout } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script],
      { cwd: process.cwd(), timeout: 60_000 },
    );
    const worded: unknown = JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
    expect(worded).toMatchObject({ subject: "Réinitialisez votre mot de passe Alertflow" });
    expect(worded).toHaveProperty("note", expect.stringMatching(/\S/));
  },
);
