"use client";

import { Check, Minus } from "lucide-react";
import Link from "next/link";
import { describeRateLimit } from "../../_lib/catalogue";
import { useEditorContext } from "./editor-context";

function Capability({ on, children }: { on: boolean; children: string }) {
  return (
    <li className={`flex items-center gap-1.5 ${on ? "" : "text-muted"}`}>
      {on ? <Check className="size-3.5 text-ok" aria-hidden /> : <Minus className="size-3.5" aria-hidden />}
      {children}
    </li>
  );
}

/** What this type does and cannot do, its rate limit, and which published flows use it. */
export function AboutPanel() {
  const { entry, integration } = useEditorContext();
  const c = entry.capabilities;
  return (
    <aside
      className="flex flex-col gap-4 rounded-lg border border-border bg-panel p-4 text-[12px]"
      aria-label="About this integration"
    >
      <div>
        <h2 className="text-[13px] font-semibold">{entry.label}</h2>
        <p className="mt-1 text-muted">{entry.description}</p>
      </div>
      <ul className="flex flex-col gap-1">
        <Capability on>Sends the Error message</Capability>
        <Capability on={c.supportsOk}>
          {c.supportsOk ? "Sends Ok when the problem clears" : "Cannot send Ok"}
        </Capability>
        <Capability on={c.supportsReminders && !c.remindersDiscouraged}>
          {c.remindersDiscouraged ? "Reminders add nothing (state-based receiver)" : "Sends reminders"}
        </Capability>
        <Capability on={c.dedupesRepeats}>
          {c.dedupesRepeats ? "Receiver dedupes repeats" : "A retried message may post twice"}
        </Capability>
      </ul>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
        <dt className="text-muted">Rate limit</dt>
        <dd>{describeRateLimit(entry)}</dd>
        <dt className="text-muted">Transport</dt>
        <dd>{{ http: "HTTP", smtp: "SMTP", inbox: "Stored in Alertflow (Inbox page)" }[entry.transport]}</dd>
      </dl>
      <div>
        <h3 className="mb-1 font-medium text-muted">Used by published flows</h3>
        {integration.usedBy.length === 0 ? (
          <p className="text-muted">None yet. Link it from an escalation level in a flow.</p>
        ) : (
          <ul className="flex flex-col gap-0.5" data-testid="used-by">
            {integration.usedBy.map((flow) => (
              <li key={flow.id}>
                <Link href={`/flows/${flow.id}`} className="hover:underline">
                  {flow.name}
                </Link>{" "}
                <span className="text-muted">v{flow.version}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
