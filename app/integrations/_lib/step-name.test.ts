import { describe, expect, it } from "vitest";
import { stepName, type StepWords } from "./step-name";

const FRENCH: StepWords = { numbered: (n) => `Étape ${n}`, email: "E-mail", inbox: "Boîte de réception" };

describe("a preview step's name on the page", () => {
  it("words Alertflow's fallbacks in the page's language", () => {
    expect(stepName({ kind: "http", number: 2, name: "", builtIn: false }, "fr", FRENCH)).toBe("Étape 2");
    expect(stepName({ kind: "email" }, "fr", FRENCH)).toBe("E-mail");
    expect(stepName({ kind: "inbox" }, "fr", FRENCH)).toBe("Boîte de réception");
  });

  it("words a type's own default step names in the page's language", () => {
    expect(stepName({ kind: "http", number: 1, name: "Post error", builtIn: true }, "fr", FRENCH)).toBe(
      "Publier l'erreur",
    );
    expect(stepName({ kind: "http", number: 2, name: "Resolve incident", builtIn: true }, "nl", FRENCH)).toBe(
      "Incident oplossen",
    );
    expect(stepName({ kind: "http", number: 1, name: "Post error", builtIn: true }, "en", FRENCH)).toBe("Post error");
  });

  it("shows a name the person typed as typed, even one that reads like a default", () => {
    expect(stepName({ kind: "http", number: 1, name: "Post error", builtIn: false }, "fr", FRENCH)).toBe("Post error");
    expect(stepName({ kind: "http", number: 1, name: "Mon étape", builtIn: false }, "nl", FRENCH)).toBe("Mon étape");
  });
});
