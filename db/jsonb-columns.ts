import { customType } from "drizzle-orm/pg-core";
import { z } from "zod";
import { normalizedAlertSchema, type NormalizedAlert } from "~/core/alerts/alert";
import { dispatchProgressSchema, type DispatchProgress } from "~/core/alerts/accepted-alert";
import type { FlowGraph } from "~/core/flow/document";
import { migrateGraph } from "~/core/flow/migrations";
import { flowPlanSchema, type FlowPlan } from "~/core/flow/plan";
import {
  deliveryRequestSchema,
  recordedResponseSchema,
  type DeliveryRequest,
  type RecordedResponse,
} from "~/core/integrations/send-result";
import { storableJson } from "~/core/wire/storable-text";

/**
 * jsonb columns that parse on read. Every query, whoever writes it, gets the value through the
 * column's reader, so a stored document is checked (and an old graph migrated) in one place.
 */
const jsonbReadThrough = <T>(read: (value: unknown) => T) =>
  customType<{ data: T; driverData: unknown }>({
    dataType: () => "jsonb",
    // A stray NUL or unpaired surrogate would make Postgres refuse the whole row.
    toDriver: (value) => storableJson(value),
    // node-postgres hands jsonb over parsed; other drivers give text.
    fromDriver: (value) => read(typeof value === "string" ? JSON.parse(value) : value),
  });

/** Flow documents of any older schemaVersion come back as the current one. */
export const graphColumn = jsonbReadThrough<FlowGraph>(migrateGraph);

/** A plan of a shape this version does not know fails loudly instead of running wrong. */
export const planColumn = jsonbReadThrough<FlowPlan>((value) => flowPlanSchema.parse(value));

export const alertColumn = jsonbReadThrough<NormalizedAlert>((value) => normalizedAlertSchema.parse(value));

/** An alert event waiting in an incident's inbox: the alert and when the endpoint accepted it. */
const inboxEventSchema = z.object({ alert: normalizedAlertSchema, receivedAt: z.string() });
export type InboxEvent = z.infer<typeof inboxEventSchema>;
/** Reads an inbox event as its column does, for raw SQL that selects it. */
export const readInboxEvent = (value: unknown): InboxEvent => inboxEventSchema.parse(value);
export const inboxEventColumn = jsonbReadThrough<InboxEvent>(readInboxEvent);

/** Recorded exchanges are for people to read: one that no longer parses shows as absent. */
export const readDeliveryRequest = (value: unknown): DeliveryRequest | null =>
  deliveryRequestSchema.safeParse(value).data ?? null;
export const readRecordedResponse = (value: unknown): RecordedResponse | null =>
  recordedResponseSchema.safeParse(value).data ?? null;

export const deliveryRequestColumn = jsonbReadThrough(readDeliveryRequest);
export const recordedResponseColumn = jsonbReadThrough(readRecordedResponse);

/** The alerts an inbound request dispatched before it failed (see inbound_idempotency_keys). */
export const dispatchProgressColumn = jsonbReadThrough<DispatchProgress>((value) =>
  dispatchProgressSchema.parse(value),
);
