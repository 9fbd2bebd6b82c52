import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { inputIssueTextWith } from "./input-issue-text";
import { serverErrorTextWith } from "./use-server-error-text";

async function wordingIn(locale: Locale) {
  const messages = await loadMessages(locale);
  return serverErrorTextWith({
    errors: createTranslator({ locale, messages, namespace: "ServerErrors" }),
    reasons: createTranslator({ locale, messages, namespace: "ServerReasons" }),
    templates: createTranslator({ locale, messages, namespace: "TemplateErrors" }),
    inputIssues: inputIssueTextWith(createTranslator({ locale, messages, namespace: "ServerErrors" })),
  });
}

/** A tRPC client error as the errorFormatter shapes it (server/trpc.ts). */
const refused = (message: string, code: string, domain: Record<string, unknown> | null) =>
  Object.assign(new Error(message), { name: "TRPCClientError", data: { code, domain } });

describe("server refusals worded in the page's language", () => {
  it("words a reason with the values it names", async () => {
    const fr = await wordingIn("fr");
    const resolved = refused("Run r1 is already resolved", "CONFLICT", {
      code: "CONFLICT",
      reason: "runAlreadyEnded",
      values: { status: "resolved" },
    });
    expect(fr(resolved)).toBe("Cette exécution est déjà résolue : il n'y a plus rien à faire.");
    const token = refused("A editor cannot create a token with the owner role", "BAD_REQUEST", {
      code: "INVALID_INPUT",
      reason: "tokenRoleAboveYours",
      values: { role: "editor", tokenRole: "owner" },
    });
    expect((await wordingIn("nl"))(token)).toBe("Als bewerker kunt u geen token maken met de rol Eigenaar.");
    expect((await wordingIn("en"))(token)).toBe("As an editor, you cannot create a token with the Owner role.");
  });

  it("words plurals and quoted values", async () => {
    const fr = await wordingIn("fr");
    const open = (count: number) =>
      refused("…", "CONFLICT", {
        code: "CONFLICT",
        openIncidents: count,
        reason: "flowHasOpenIncidents",
        values: { flow: "Disk", count },
      });
    expect(fr(open(1))).toBe("« Disk » a 1 incident ouvert : résolvez-le ou annulez-le d'abord, ou archivez le flux.");
    expect(fr(open(3))).toContain("3 incidents ouverts : résolvez-les");
    const url = (more: number) =>
      refused("…", "BAD_REQUEST", {
        code: "INVALID_INPUT",
        reason: "urlNotHttp",
        values: { path: "variables.ApiUrl", more },
      });
    expect(fr(url(0))).toBe("variables.ApiUrl doit être une adresse http ou https (https://…).");
    expect(fr(url(2))).toBe("variables.ApiUrl doit être une adresse http ou https (https://…) (et 2 autres champs).");
  });

  it("words the template problem inside a template refusal from its own code", async () => {
    const nl = await wordingIn("nl");
    const error = refused("Template error: Unknown variable {{Nope}} (line 1, column 3)", "BAD_REQUEST", {
      code: "INVALID_INPUT",
      reason: "templateError",
      values: { problem: "Unknown variable {{Nope}}", path: "email.error.subject", line: 1, column: 3 },
      issues: [{ code: "template", message: "…", templateCode: "UNKNOWN_VARIABLE", params: { name: "Nope" } }],
    });
    expect(nl(error)).toBe("Sjabloonfout in email.error.subject, regel 1, kolom 3: Onbekende variabele {{Nope}}");
  });

  it("says which thing is gone, and whose secrets cannot be opened", async () => {
    const gone = (thing: string) =>
      refused(`${thing} x was not found`, "NOT_FOUND", { code: "NOT_FOUND", reason: "notFound", values: { thing } });
    const fr = await wordingIn("fr");
    expect(fr(gone("flow"))).toBe("Ce flux n'existe plus : il a peut-être été supprimé entre-temps.");
    expect(fr(gone("integration"))).toBe(
      "Cette intégration n'existe plus : elle a peut-être été supprimée entre-temps.",
    );
    expect((await wordingIn("nl"))(gone("run"))).toBe(
      "Deze run bestaat niet meer: misschien is het intussen verwijderd of ingetrokken.",
    );
    expect((await wordingIn("en"))(gone("apiToken"))).toBe(
      "This API token no longer exists: it may have been revoked meanwhile.",
    );
    const sealed = refused('The secrets of integration "Ops mail" cannot be opened: …', "PRECONDITION_FAILED", {
      code: "SECRETS_UNREADABLE",
      integrationId: "i1",
      reason: "secretsUnreadable",
      values: { integration: "Ops mail" },
    });
    expect(fr(sealed)).toBe(
      "Les secrets de l'intégration « Ops mail » ne peuvent pas être ouverts avec la clé du serveur (ALERTFLOW_SECRET_KEY). Contactez l'administrateur.",
    );
  });

  it("falls back to the codes, then to the server's message", async () => {
    const fr = await wordingIn("fr");
    expect(fr(refused("Run r1 was not found", "NOT_FOUND", { code: "NOT_FOUND" }))).toBe(
      "Cet élément n'existe plus : il a peut-être été supprimé entre-temps.",
    );
    // A reason this page does not know (a newer server) keeps the server's words.
    expect(fr(refused("Something new", "CONFLICT", { code: "CONFLICT", reason: "fromTheFuture", values: {} }))).toBe(
      "Something new",
    );
    expect(fr(new Error("plain"))).toBe("plain");
  });
});

describe("rejected inputs worded in the page's language", () => {
  const rejected = (inputIssues: unknown[]) =>
    Object.assign(new Error("name: Too big: expected string to have <=200 characters"), {
      name: "TRPCClientError",
      data: { code: "BAD_REQUEST", domain: null, inputIssues },
    });

  it("keeps each field path and words its rule", async () => {
    const error = rejected([
      { path: "name", message: "…", code: "too_big", values: { origin: "string", maximum: 200, inclusive: true } },
      { path: "role", message: "…", code: "invalid_value", values: { values: "owner, editor, viewer" } },
    ]);
    expect((await wordingIn("fr"))(error)).toBe(
      "name : trop long : 200 caractères au plus; role : doit être l'une de ces valeurs : owner, editor, viewer",
    );
    expect((await wordingIn("nl"))(error)).toBe(
      "name: te lang: hoogstens 200 tekens; role: niet een van: owner, editor, viewer",
    );
  });

  it("words a missing field, an empty text and a bad format", async () => {
    const fr = await wordingIn("fr");
    expect(fr(rejected([{ path: "email", message: "…", code: "required" }]))).toBe("email : obligatoire");
    const empty = { path: "name", message: "…", code: "too_small", values: { origin: "string", minimum: 1 } };
    expect(fr(rejected([empty]))).toBe("name : obligatoire");
    const email = { path: "email", message: "…", code: "invalid_format", values: { format: "email" } };
    expect((await wordingIn("en"))(rejected([email]))).toBe("email: not an email address");
  });

  it("words a schema's own check that names itself (text that cannot be stored)", async () => {
    const nul = {
      path: "name",
      message: "contains U+0000 (NUL), which cannot be stored",
      code: "custom",
      values: { check: "unstorable", character: "nul", inKey: false },
    };
    expect((await wordingIn("fr"))(rejected([nul]))).toBe(
      "name : contient U+0000 (NUL), qui ne peut pas être enregistré",
    );
    const key = { ...nul, path: "variables.a", values: { check: "unstorable", character: "surrogate", inKey: true } };
    expect((await wordingIn("nl"))(rejected([key]))).toBe(
      "variables.a: heeft een sleutel met een ongepaard UTF-16-surrogaat, dat geen geldige Unicode is",
    );
    expect((await wordingIn("en"))(rejected([nul]))).toBe("name: contains U+0000 (NUL), which cannot be stored");
  });

  it("keeps the words of a schema's own check that does not name itself", async () => {
    const custom = { path: "stepDefinitions", message: "Something only this schema knows", code: "custom" };
    expect((await wordingIn("fr"))(rejected([custom]))).toBe("stepDefinitions : Something only this schema knows");
  });
});
