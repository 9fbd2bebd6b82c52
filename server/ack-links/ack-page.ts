/** Everything the page shows comes from alerts and users: escape it all. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export type PageTone = "neutral" | "danger" | "warn" | "ok";

export interface AckPageContent {
  title: string;
  message: string;
  tone?: PageTone;
  /** Label/value rows describing the incident. */
  facts?: [string, string][];
  /** When set, the page shows a form that POSTs here. */
  form?: {
    action: string;
    button: string;
    /** Ask for a name: the visitor is not signed in. */
    askName: boolean;
    /** Shown instead of the name field when signed in. */
    signedInAs?: string;
    error?: string;
  };
  /** A link to the run in the app. */
  runUrl?: string;
  /** The page's own words, in the visitor's language. */
  ui: {
    lang: string;
    yourName: string;
    namePlaceholder: string;
    signedInAs: (name: string) => string;
    note: string;
    optional: string;
    notePlaceholder: string;
    openRun: string;
  };
}

function formHtml(form: NonNullable<AckPageContent["form"]>, ui: AckPageContent["ui"]): string {
  const who = form.askName
    ? `<label for="name">${escapeHtml(ui.yourName)}</label><input id="name" name="name" required maxlength="80" autocomplete="name" placeholder="${escapeHtml(ui.namePlaceholder)}">`
    : `<p class="who">${escapeHtml(ui.signedInAs(form.signedInAs ?? ""))}</p>`;
  const error = form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : "";
  return `<form method="post" action="${escapeHtml(form.action)}">${error}${who}<label for="note">${escapeHtml(ui.note)} <span>${escapeHtml(ui.optional)}</span></label><input id="note" name="note" maxlength="500" placeholder="${escapeHtml(ui.notePlaceholder)}"><button type="submit">${escapeHtml(form.button)}</button></form>`;
}

/**
 * A small standalone page: link previewers and mail scanners fetch GET links, so acting takes a
 * deliberate click that POSTs. It loads nothing else, so it opens fast on a phone.
 */
export function ackPage({ title, message, tone = "neutral", facts = [], form, runUrl, ui }: AckPageContent): string {
  const rows = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("");
  const list = rows ? `<dl>${rows}</dl>` : "";
  const open = runUrl ? `<a class="run" href="${escapeHtml(runUrl)}">${escapeHtml(ui.openRun)}</a>` : "";
  return `<!doctype html>
<html lang="${escapeHtml(ui.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · Alertflow</title>
<style>
:root{color-scheme:light dark;--bg:#f7f7f8;--panel:#fff;--border:#e2e2e7;--fg:#18181b;--muted:#6b6b76;--accent:#5b5bd6;--danger:#d93d42;--warn:#c27c0e;--ok:#2f8f5b}
@media (prefers-color-scheme:dark){:root{--bg:#0f0f12;--panel:#16161a;--border:#2a2a31;--fg:#ececf1;--muted:#8d8d99;--accent:#7c7cf0;--danger:#ef5f62;--warn:#e0a234;--ok:#4cc184}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);font:13px/1.5 Inter,ui-sans-serif,system-ui,sans-serif}
main{width:min(440px,92vw);padding:24px;border:1px solid var(--border);border-radius:10px;background:var(--panel)}
.brand{margin:0 0 16px;color:var(--muted);font-size:12px;font-weight:600;letter-spacing:.02em}
h1{margin:0 0 6px;font-size:16px;display:flex;gap:8px;align-items:center}
h1::before{content:"";width:8px;height:8px;border-radius:50%;background:var(--tone)}
p{margin:0 0 16px;color:var(--muted);word-break:break-word}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 14px;margin:0 0 18px;padding:12px;border:1px solid var(--border);border-radius:8px}
dt{color:var(--muted)}dd{margin:0;word-break:break-word}
form{display:grid;gap:6px}label{font-weight:600;font-size:12px}label span{color:var(--muted);font-weight:400}
input{height:32px;padding:0 10px;border:1px solid var(--border);border-radius:6px;background:transparent;color:inherit;font:inherit;margin-bottom:6px}
input:focus{outline:2px solid var(--accent);outline-offset:-1px}
button{height:32px;margin-top:4px;padding:0 14px;border:0;border-radius:6px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}
.who{margin:0 0 6px}.error{color:var(--danger);margin:0 0 6px}
.run{display:inline-block;margin-top:14px;color:var(--accent)}
</style></head>
<body><main style="--tone:var(--${tone === "neutral" ? "accent" : tone})"><p class="brand">Alertflow</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${list}${form ? formHtml(form, ui) : ""}${open}</main></body></html>`;
}
