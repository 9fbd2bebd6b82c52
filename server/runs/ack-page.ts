/** Everything the page shows comes from alerts and users: escape it all. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export interface AckPageContent {
  title: string;
  message: string;
  /** When set, the page shows a button that POSTs here. */
  formAction?: string;
}

/**
 * A tiny standalone page: link previewers and mail scanners fetch GET links, so acknowledging
 * takes a deliberate click that POSTs.
 */
export function ackPage({ title, message, formAction }: AckPageContent): string {
  const form = formAction
    ? `<form method="post" action="${escapeHtml(formAction)}"><button type="submit">Acknowledge</button></form>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Alertflow</title>
<style>
:root{color-scheme:light dark;--bg:#f7f7f8;--panel:#fff;--border:#e2e2e7;--fg:#18181b;--muted:#6b6b76;--accent:#5b5bd6}
@media (prefers-color-scheme:dark){:root{--bg:#0f0f12;--panel:#16161a;--border:#2a2a31;--fg:#ececf1;--muted:#8d8d99;--accent:#7c7cf0}}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);font:13px/1.5 Inter,ui-sans-serif,system-ui,sans-serif}
main{width:min(420px,90vw);padding:24px;border:1px solid var(--border);border-radius:10px;background:var(--panel)}
h1{margin:0 0 6px;font-size:15px}p{margin:0 0 16px;color:var(--muted);word-break:break-word}
button{height:30px;padding:0 14px;border:0;border-radius:6px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}
</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${form}</main></body></html>`;
}
