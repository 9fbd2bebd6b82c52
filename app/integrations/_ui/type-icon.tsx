import {
  Activity,
  BellRing,
  Gauge,
  Headset,
  Inbox,
  Mail,
  MessageSquare,
  PhoneCall,
  Radio,
  Siren,
  Smartphone,
  Ticket,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { IntegrationType } from "~/core/integrations/integration-types";

/** Generic glyphs, not brand logos: lucide ships no brand marks, and they would not theme. */
const ICONS: Record<IntegrationType, LucideIcon> = {
  webhook: Webhook,
  slack: MessageSquare,
  teams: Users,
  pagerduty: Siren,
  opsgenie: BellRing,
  "splunk-oncall": Headset,
  alertops: Radio,
  servicenow: Ticket,
  statushub: Activity,
  statuspage: Gauge,
  email: Mail,
  inbox: Inbox,
  sms: Smartphone,
  phone: PhoneCall,
};

export function TypeIcon({ type, className = "size-4" }: { type: IntegrationType; className?: string }) {
  const Icon = ICONS[type];
  return <Icon className={className} aria-hidden />;
}

/** The icon in a small tile, as the list and the type picker show it. */
export function TypeTile({ type }: { type: IntegrationType }) {
  return (
    <span className="inline-flex size-7 shrink-0 items-center justify-center rounded-md border border-border bg-raised text-muted">
      <TypeIcon type={type} className="size-3.5" />
    </span>
  );
}
