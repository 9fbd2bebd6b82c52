import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { deliveryErrorTextWith } from "./delivery-error-text";

async function wordingIn(locale: Locale) {
  const messages = await loadMessages(locale);
  return deliveryErrorTextWith(
    createTranslator({ locale, messages, namespace: "ServerReasons" }),
    createTranslator({ locale, messages, namespace: "TemplateErrors" }),
  );
}

const rateLimited = {
  error: "Rate limited by Alertflow: Paging allows 1 messages a minute",
  errorReason: { reason: "rateLimitedByAlertflow" as const, values: { integration: "Paging", perMinute: 1 } },
};
const disabled = {
  error: 'Integration "Paging" is disabled',
  errorReason: { reason: "integrationDisabled" as const, values: { integration: "Paging" } },
};

describe("delivery errors worded in the page's language", () => {
  it("words Alertflow's own errors from their reason and values", async () => {
    const [en, fr, nl] = [await wordingIn("en"), await wordingIn("fr"), await wordingIn("nl")];
    expect(en(disabled)).toBe("The integration “Paging” is disabled.");
    expect(fr(disabled)).toBe("L'intégration « Paging » est désactivée.");
    expect(nl(disabled)).toBe("De integratie ‘Paging’ is uitgeschakeld.");
    expect(en(rateLimited)).toBe("Held back by Alertflow's rate limit: “Paging” allows 1 message a minute.");
    expect(fr(rateLimited)).toBe(
      "Retenu par la limite de débit d'Alertflow : « Paging » autorise 1 message par minute.",
    );
    expect(
      nl({
        ...rateLimited,
        errorReason: { ...rateLimited.errorReason, values: { integration: "Paging", perMinute: 120 } },
      }),
    ).toBe("Tegengehouden door de snelheidslimiet van Alertflow: ‘Paging’ staat 120 berichten per minuut toe.");
    expect(
      fr({
        error: "TIMEOUT: The receiver did not answer in time",
        errorReason: { reason: "receiverTimeout", values: {} },
      }),
    ).toBe("Le destinataire n'a pas répondu à temps.");
  });

  it("words a refused private address with its port as written", async () => {
    const refused = {
      error: "OUTBOUND_BLOCKED: Refusing to connect to 10.9.8.7:8080: …",
      errorReason: {
        reason: "outboundPrivateAddress",
        values: { host: "10.9.8.7", port: "8080", addresses: "10.9.8.7" },
      },
    };
    expect((await wordingIn("fr"))(refused)).toMatch(
      /^Alertflow refuse de se connecter à 10\.9\.8\.7:8080 : cette adresse correspond à l'adresse interne 10\.9\.8\.7\./,
    );
    expect((await wordingIn("en"))(refused)).toMatch(/^Alertflow refuses to connect to 10\.9\.8\.7:8080: /);
  });

  it("words a receiver it could not reach with its host, keeping the OS code as it is", async () => {
    const unreachable = {
      error: "NETWORK_ERROR: fetch failed: ECONNREFUSED",
      errorReason: { reason: "receiverUnreachable", values: { host: "hooks.example.com", code: "ECONNREFUSED" } },
    };
    expect((await wordingIn("en"))(unreachable)).toBe(
      "Alertflow could not reach hooks.example.com: the connection failed (ECONNREFUSED).",
    );
    expect((await wordingIn("fr"))(unreachable)).toBe(
      "Alertflow n'a pas pu joindre hooks.example.com : la connexion a échoué (ECONNREFUSED).",
    );
    expect((await wordingIn("nl"))(unreachable)).toBe(
      "Alertflow kon hooks.example.com niet bereiken: de verbinding mislukte (ECONNREFUSED).",
    );
  });

  it("words a capped Retry-After and keeps the receiver's own answer as it came", async () => {
    const capped = {
      error:
        "HTTP_ERROR: HTTP 503 busy. Retry-After asked for 86400 s; retrying in 300 s, the longest wait the retry policy allows",
      errorReason: {
        reason: "retryAfterCapped",
        values: { error: "HTTP_ERROR: HTTP 503 busy", askedSeconds: 86400, waitSeconds: 300 },
      },
    };
    expect((await wordingIn("en"))(capped)).toBe(
      "HTTP_ERROR: HTTP 503 busy. The receiver asked to wait 86,400 s (Retry-After); Alertflow retries in 300 s, the longest wait its retry policy allows.",
    );
    expect((await wordingIn("fr"))(capped)).toBe(
      "HTTP_ERROR: HTTP 503 busy. Le destinataire a demandé d'attendre 86\u202f400 s (Retry-After) ; Alertflow réessaie dans 300 s, l'attente la plus longue que permet sa politique de nouvelles tentatives.",
    );
    expect((await wordingIn("nl"))(capped)).toBe(
      "HTTP_ERROR: HTTP 503 busy. De ontvanger vroeg 86.400 s te wachten (Retry-After); Alertflow probeert het over 300 s opnieuw, de langste wachttijd die het herhaalbeleid toestaat.",
    );
  });

  it("words a template that failed at send with its step and problem, and a refused URL by its step", async () => {
    const [en, fr, nl] = [await wordingIn("en"), await wordingIn("fr"), await wordingIn("nl")];
    const template = {
      error: "Send alert: Unknown variable {{alert.nope}}",
      errorReason: {
        reason: "templateFailedAtSend",
        values: { part: "namedStep", step: "Send alert", code: "UNKNOWN_VARIABLE", param_name: "alert.nope" },
      },
    };
    expect(en(template)).toBe(
      "Step “Send alert”: its template could not be filled in: Unknown variable {{alert.nope}}.",
    );
    expect(fr(template)).toBe(
      "Étape « Send alert » : son modèle n'a pas pu être rempli : Variable inconnue {{alert.nope}}.",
    );
    const email = {
      ...template,
      errorReason: {
        ...template.errorReason,
        values: { part: "email", step: "", code: "UNKNOWN_VARIABLE", param_name: "x" },
      },
    };
    expect(nl(email)).toMatch(/^De e-mail: de sjabloon kon niet worden ingevuld: .*\{\{x\}\}\.$/);
    const scheme = {
      error: "OUTBOUND_BLOCKED: Only http and https URLs may be called, not ftp:",
      errorReason: { reason: "urlSchemeRefused", values: { part: "step", step: 2, scheme: "ftp:" } },
    };
    expect(en(scheme)).toBe("Step 2: Alertflow only calls http and https addresses, not ftp:.");
    expect(nl(scheme)).toBe("Stap 2: Alertflow roept alleen http- en https-adressen aan, niet ftp:.");
    const invalid = {
      error: 'OUTBOUND_BLOCKED: "http://exa mple" is not a valid URL',
      errorReason: { reason: "urlInvalidAtSend", values: { part: "namedStep", step: "Post" } },
    };
    expect(fr(invalid)).toBe("Étape « Post » : son URL n'est pas une adresse valide une fois son modèle rempli.");
  });

  it("keeps the stored text of a receiver's answer, an old row and a reason this version does not know", async () => {
    const fr = await wordingIn("fr");
    expect(fr({ error: "HTTP_ERROR: HTTP 422: bad payload", errorReason: null })).toBe(
      "HTTP_ERROR: HTTP 422: bad payload",
    );
    expect(fr({ error: "Integration 7 no longer exists", errorReason: null })).toBe("Integration 7 no longer exists");
    expect(fr({ error: "Newer words", errorReason: { reason: "fromANewerVersion", values: {} } })).toBe("Newer words");
    expect(fr({ error: null, errorReason: null })).toBeNull();
  });
});
