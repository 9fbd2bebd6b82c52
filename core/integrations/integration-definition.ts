import type { MessageType } from "../message-template/message-type";
import type { EmailTemplate, StepDefinition } from "./customizations-schema";
import type { IntegrationType } from "./integration-types";

/** "integration": one value on the integration; "perLevel": each escalation level supplies it. */
export type VariableMode = "integration" | "perLevel";

export interface PredefinedVariable {
  name: string;
  label: string;
  description?: string;
  /** Stored encrypted, write-only through the API, redacted from logs. */
  secret?: boolean;
  required: boolean;
  defaultValue?: string;
  modes: readonly VariableMode[];
}

export interface IntegrationCapabilities {
  /** Message types the default definitions send; the rest are skipped unless customized. */
  defaultMessageTypes: readonly MessageType[];
  supportsOk: boolean;
  supportsReminders: boolean;
  /** State-based receivers (PagerDuty, ServiceNow, ...) gain nothing from reminders. */
  remindersDiscouraged: boolean;
  /** The receiver dedupes repeats (by incident key), so a retried delivery is harmless. */
  dedupesRepeats: boolean;
  /** Whether the Customizations tab (own step definitions) is offered. */
  customizable: boolean;
}

export interface RateLimit {
  eventsPerMinute: number;
  /** What the limit counts against: the integration, or a variable's value (e.g. a routing key). */
  per: { kind: "integration" } | { kind: "variable"; name: string };
}

interface BaseDefinition<T extends IntegrationType> {
  type: T;
  label: string;
  description: string;
  variables: readonly PredefinedVariable[];
  capabilities: IntegrationCapabilities;
  rateLimit: RateLimit;
}

export interface HttpIntegrationDefinition<T extends IntegrationType = IntegrationType> extends BaseDefinition<T> {
  transport: "http";
  defaultStepDefinitions: readonly StepDefinition[];
}

export interface EmailIntegrationDefinition<T extends IntegrationType = IntegrationType> extends BaseDefinition<T> {
  transport: "smtp";
  defaultEmail: Readonly<Record<MessageType, EmailTemplate>>;
}

/** Stored inside Alertflow and shown on the Inbox page: nothing leaves the server. */
export interface InboxIntegrationDefinition<T extends IntegrationType = IntegrationType> extends BaseDefinition<T> {
  transport: "inbox";
  /** Subject is the inbox title, text the body; html is unused. */
  defaultMessage: Readonly<Record<MessageType, EmailTemplate>>;
}

export type IntegrationDefinition<T extends IntegrationType = IntegrationType> =
  HttpIntegrationDefinition<T> | EmailIntegrationDefinition<T> | InboxIntegrationDefinition<T>;
