import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { FlowGraph } from "~/core/flow/document";
import type { TemplatePlaceholder } from "~/core/flow-templates/template-document";
import type { TemplateOrigin } from "~/core/flow-templates/template-origin";
import { ROLES } from "~/core/accounts/access";
import { RUN_STATUSES } from "~/core/escalation/run-status";
import type { MessageType } from "~/core/message-template/message-type";
import type { RefusalReason } from "~/core/domain-error";
import {
  alertColumn,
  deliveryRequestColumn,
  dispatchProgressColumn,
  graphColumn,
  inboxEventColumn,
  planColumn,
  recordedResponseColumn,
} from "./jsonb-columns";

const id = () => uuid("id").primaryKey().defaultRandom();
/** better-auth's ids: it leaves them to the database (generateId "uuid"); text, as its schema has them. */
const textId = () =>
  text("id")
    .primaryKey()
    .default(sql`gen_random_uuid()::text`);
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const userId = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
const workspaceId = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

export const workspaces = pgTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  /** Finished runs, with their events and deliveries, are deleted this many days after they began. */
  retentionDays: integer("retention_days").notNull().default(90),
  /** IANA zone used for dates in messages (`{{@alert.date}}` and relatives). */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Private or loopback hosts, `host:port` or CIDRs that outbound requests may reach, added to OUTBOUND_ALLOW_LIST. */
  outboundAllowList: text("outbound_allow_list").array().notNull().default([]),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** Interface language chosen on the profile; null follows the browser. */
  locale: text("locale"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const roleEnum = pgEnum("membership_role", ROLES);

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: workspaceId(),
    userId: userId(),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/*
 * users, sessions, accounts and verifications are better-auth's core models (server/auth): it
 * writes them through its Drizzle adapter. Column sets follow its schema; ids are uuids.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: textId(),
    /** The random session token; the cookie carries it signed. */
    token: text("token").notNull().unique(),
    userId: userId(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    /** The workspace this browser is working in (the switcher); checked against memberships on use. */
    activeWorkspaceId: uuid("active_workspace_id").references(() => workspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** A sign-in method of a user; for email + password, `password` holds the scrypt hash. */
export const accounts = pgTable(
  "accounts",
  {
    id: textId(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: userId(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

/** Short-lived secrets such as password-reset tokens. */
export const verifications = pgTable(
  "verifications",
  {
    id: textId(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

/**
 * better-auth's rate limit counters (sign-in, sign-up, password reset, per client IP and path), in
 * Postgres so every web process counts against the same limit.
 */
export const authRateLimits = pgTable("auth_rate_limits", {
  id: textId(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  /** Milliseconds since the epoch, as better-auth keeps it. */
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/** Invitation links: the token is shown once and stored as a sha-256 hash; single use, expiring. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    workspaceId: workspaceId(),
    role: roleEnum("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Who the owner meant it for; a label only; whoever holds the link may accept it. */
    note: text("note").notNull().default(""),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_workspace_idx").on(t.workspaceId)],
);

/** Personal API tokens: a user's, for one workspace, with a role no higher than the user's there. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: userId(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    /** sha-256 of the token; the token itself is shown once. */
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters, so a person can tell tokens apart. */
    tokenPrefix: text("token_prefix").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_workspace_idx").on(t.workspaceId)],
);

export const integrations = pgTable(
  "integrations",
  {
    id: id(),
    workspaceId: workspaceId(),
    type: text("type").notNull(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    variables: jsonb("variables").$type<Record<string, string>>().notNull().default({}),
    /** secret-box ciphertext of a JSON record; never returned by the API. */
    secretsCiphertext: text("secrets_ciphertext"),
    customizations: jsonb("customizations").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("integrations_workspace_idx").on(t.workspaceId)],
);

export const flows = pgTable(
  "flows",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    enabled: boolean("enabled").notNull().default(true),
    draftGraph: graphColumn("draft_graph").notNull(),
    /** Bumped on every draft save; the editor sends it back to detect concurrent edits. */
    draftRevision: integer("draft_revision").notNull().default(0),
    publishedVersionId: uuid("published_version_id"),
    /** Set when the flow was created from a template: which one, and which version. */
    templateOrigin: jsonb("template_origin").$type<TemplateOrigin>(),
    /** Archived flows accept no alerts and leave the list; their runs stay. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("flows_workspace_idx").on(t.workspaceId)],
);

export const flowVersions = pgTable(
  "flow_versions",
  {
    id: id(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    graph: graphColumn("graph").notNull(),
    plan: planColumn("plan").notNull(),
    note: text("note").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("flow_versions_flow_version_uq").on(t.flowId, t.version)],
);

/** Secret, revocable inbound tokens: `POST /api/alerts/<token>`. Stored as a sha-256 hash. */
export const flowEndpoints = pgTable("flow_endpoints", {
  id: id(),
  flowId: uuid("flow_id")
    .notNull()
    .references(() => flows.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  /** First characters, so a person can tell tokens apart. */
  tokenPrefix: text("token_prefix").notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * `Idempotency-Key`s seen on an inbound endpoint: a sender's retry of a POST whose answer was
 * lost replays the first answer instead of counting its alerts again. Only hashes of the key and
 * of the request body are kept (a key may hold anything; the body is the sender's), with the
 * answer given. `status` null: the first request is still being handled. Pruned after 24 h.
 */
export const inboundIdempotencyKeys = pgTable(
  "inbound_idempotency_keys",
  {
    /** The endpoint the key belongs to; keys are scoped to one token. */
    tokenHash: text("token_hash")
      .notNull()
      .references(() => flowEndpoints.tokenHash, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    /** The answer's body as sent (text, so a replay is byte for byte the same). */
    response: text("response"),
    /**
     * Set, with `status` 503, when the request failed after some of its alerts reached their
     * incidents: a retry of the same body takes the key over and dispatches only the others, so
     * it neither opens an incident again nor counts an alert twice.
     */
    dispatched: dispatchProgressColumn("dispatched"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenHash, t.keyHash] }),
    index("inbound_idempotency_keys_created_idx").on(t.createdAt),
  ],
);

export const runStatusEnum = pgEnum("run_status", RUN_STATUSES);

export const runs = pgTable(
  "runs",
  {
    id: id(),
    workspaceId: workspaceId(),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id")
      .notNull()
      .references(() => flowVersions.id),
    alertKey: text("alert_key").notNull(),
    workflowId: text("workflow_id").notNull(),
    temporalRunId: text("temporal_run_id"),
    status: runStatusEnum("status").notNull().default("escalating"),
    currentLevel: integer("current_level").notNull().default(0),
    firstErrorAt: timestamp("first_error_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** When an operator first acknowledged it (time to acknowledge, MTTA); set by the status writer. */
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    alert: alertColumn("alert").notNull(),
    /**
     * What the list's free-text filter searches, lower-cased: alert key, monitor name, summary and
     * the start of the description (a description may be 100 kB; its head says what it is about).
     */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(
        sql`lower(alert_key || ' ' || coalesce(alert->'monitor'->>'name', '') || ' ' || coalesce(alert->>'summary', '') || ' ' || left(coalesce(alert->>'description', ''), 2000))`,
      ),
    createdAt: createdAt(),
  },
  (t) => [
    // The run list orders by (created_at desc, id desc) and pages with a row comparison on both.
    // The index order must match exactly, nulls first included (Postgres' default for desc,
    // not drizzle's), or every page sorts the whole table.
    index("runs_workspace_created_idx").on(t.workspaceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("runs_flow_created_idx").on(t.flowId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("runs_status_created_idx").on(
      t.workspaceId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Alert-key prefix filter (`like 'x%'`) under any collation.
    index("runs_workspace_alert_key_idx").on(t.workspaceId, t.alertKey.op("text_pattern_ops")),
    index("runs_workflow_idx").on(t.workflowId),
    // Migration 0013 adds runs_insights_idx (workspace_id, created_at) INCLUDE (…): INCLUDE is SQL only.
    // Free text (`like '%x%'`) and labels (`@>`): neither is a prefix, so trigram and jsonb GIN indexes.
    index("runs_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("runs_labels_idx").using("gin", sql`(${t.alert} -> 'labels') jsonb_path_ops`),
  ],
);

export const runEvents = pgTable(
  "run_events",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    type: text("type").notNull(),
    level: integer("level"),
    nodeId: text("node_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("run_events_run_idx").on(t.runId, t.at)],
);

export const deliveryStatusEnum = pgEnum("delivery_status", ["pending", "delivered", "failed", "skipped"]);

export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id").references(() => integrations.id, {
      onDelete: "set null",
    }),
    nodeId: text("node_id").notNull(),
    messageType: text("message_type").$type<MessageType>().notNull(),
    level: integer("level").notNull(),
    reminderNumber: integer("reminder_number").notNull().default(0),
    idempotencyKey: text("idempotency_key").notNull(),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    statusCode: integer("status_code"),
    request: deliveryRequestColumn("request"),
    response: recordedResponseColumn("response"),
    error: text("error"),
    /** Why Alertflow itself failed the latest attempt, for pages to word in their language; null for a receiver's own error. */
    errorReason: jsonb("error_reason").$type<RefusalReason>(),
    latencyMs: integer("latency_ms"),
    isFallback: boolean("is_fallback").notNull().default(false),
    /**
     * Set while the alert endpoint sends the incident's first message itself (a lease): the
     * workflow's delivery waits until it is cleared (the answer recorded) or runs out (the web
     * process died mid-send), so the two never both send while the lease holds.
     */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    /**
     * The run's workspace and flow, copied by a BEFORE INSERT trigger (migration 0013), so the
     * insights aggregate a workspace's messages from one covering index without joining runs.
     */
    workspaceId: uuid("workspace_id"),
    flowId: uuid("flow_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_idempotency_uq").on(t.idempotencyKey),
    index("deliveries_run_idx").on(t.runId, t.createdAt),
    // Insights per integration: its messages over a time window.
    index("deliveries_integration_created_idx").on(t.integrationId, t.createdAt),
    // The dead-letter view: failed messages, most recent failure first.
    index("deliveries_failed_idx")
      .on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'failed'`),
  ],
);

/** The key columns of the rollups and their deltas (fresh builders per table). */
const rollupKey = () => ({
  workspaceId: uuid("workspace_id").notNull(),
  flowId: uuid("flow_id").notNull(),
  integrationId: uuid("integration_id"),
  hour: timestamp("hour", { withTimezone: true }).notNull(),
});

/** What run_rollups and run_rollup_deltas count per key. */
const rollupFigures = () => ({
  escalating: integer("escalating").notNull().default(0),
  acknowledged: integer("acknowledged").notNull().default(0),
  resolved: integer("resolved").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  cancelled: integer("cancelled").notNull().default(0),
  /** Runs with an acknowledgement time, and the sum of (acknowledged_at - first_error_at): MTTA. */
  ackedRuns: integer("acked_runs").notNull().default(0),
  mttaMsSum: doublePrecision("mtta_ms_sum").notNull().default(0),
  /** Resolved runs with a resolution time, and the sum of (resolved_at - first_error_at): MTTR. */
  mttrRuns: integer("mttr_runs").notNull().default(0),
  mttrMsSum: doublePrecision("mttr_ms_sum").notNull().default(0),
  messagesSent: integer("messages_sent").notNull().default(0),
  messagesFailed: integer("messages_failed").notNull().default(0),
});

/**
 * The run history's hourly rollup, kept by triggers on runs and deliveries (migration 0015), which
 * append deltas in the transaction that changes them (run_rollup_deltas, migration 0020) that the
 * fold job adds here, so the insights and the chart read a month as ~720 rows per flow instead of
 * every run and message. One row per workspace, flow, hour and integration:
 * integration_id null counts every run and message of the flow; a set one counts the messages to
 * that integration and the runs that sent it at least one. Run columns count runs created in the
 * hour (by current status, plus the sums behind MTTA and MTTR); message columns count messages
 * created in the hour. No foreign keys: a cascade deleting a flow or workspace would race the
 * triggers that subtract its runs; the rows left are zeros.
 */
export const runRollups = pgTable(
  "run_rollups",
  {
    ...rollupKey(),
    ...rollupFigures(),
  },
  (t) => [
    unique("run_rollups_key").on(t.workspaceId, t.flowId, t.integrationId, t.hour).nullsNotDistinct(),
    index("run_rollups_workspace_hour_idx").on(t.workspaceId, t.hour),
  ],
);

/**
 * Delivery latency of the finished (delivered or failed) messages created in the hour, as counts
 * per fixed log-spaced bucket (server/runs/latency-buckets.ts; the same bounds are in SQL function
 * alertflow_latency_bucket): p50/p95 over any window come from summed counts. Sparse: a bucket
 * without messages has no row. Keyed like run_rollups, kept by the same triggers and fold.
 */
export const runLatencyRollups = pgTable(
  "run_latency_rollups",
  {
    ...rollupKey(),
    bucket: smallint("bucket").notNull(),
    messages: integer("messages").notNull().default(0),
  },
  (t) => [
    unique("run_latency_rollups_key").on(t.workspaceId, t.flowId, t.integrationId, t.hour, t.bucket).nullsNotDistinct(),
    index("run_latency_rollups_workspace_hour_idx").on(t.workspaceId, t.hour),
  ],
);

/**
 * What the rollup triggers add to run_rollups, not yet folded in: each statement on runs or
 * deliveries only appends rows here, so writers of one flow and hour never wait on one shared
 * row (under load the worker's and the alert endpoint's upserts of it deadlocked and held
 * connections). The fold job (server/runs/rollup-fold.ts) adds them to run_rollups in one
 * statement and deletes them; readers add the rows still here, so figures are exact at any moment.
 * Columns as run_rollups'; no key: several rows of one flow and hour are summed.
 */
export const runRollupDeltas = pgTable(
  "run_rollup_deltas",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ...rollupKey(),
    ...rollupFigures(),
  },
  (t) => [index("run_rollup_deltas_workspace_hour_idx").on(t.workspaceId, t.hour)],
);

/** What the triggers add to run_latency_rollups, not yet folded in: as run_rollup_deltas. */
export const runLatencyRollupDeltas = pgTable(
  "run_latency_rollup_deltas",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ...rollupKey(),
    bucket: smallint("bucket").notNull(),
    messages: integer("messages").notNull(),
  },
  (t) => [index("run_latency_rollup_deltas_workspace_hour_idx").on(t.workspaceId, t.hour)],
);

/**
 * Messages delivered to the built-in inbox integration: kept inside Alertflow and listed on the
 * Inbox page. One row per idempotency key, so a retried delivery is stored once.
 */
export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: id(),
    workspaceId: workspaceId(),
    integrationId: uuid("integration_id").references(() => integrations.id, { onDelete: "set null" }),
    /** The incident's run; null for a test-send from the integration editor. */
    runId: uuid("run_id").references(() => runs.id, { onDelete: "cascade" }),
    flowName: text("flow_name").notNull().default(""),
    messageType: text("message_type").$type<MessageType>().notNull(),
    level: integer("level").notNull(),
    reminderNumber: integer("reminder_number").notNull().default(0),
    title: text("title").notNull(),
    body: text("body").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("inbox_messages_idempotency_uq").on(t.idempotencyKey),
    index("inbox_messages_workspace_idx").on(t.workspaceId, t.createdAt),
  ],
);

export const attemptOutcomeEnum = pgEnum("delivery_attempt_outcome", ["delivered", "retrying", "failed", "skipped"]);

/**
 * Every attempt at a message, not only the last: the 503s and 429s before a success stay in the
 * history. Written by the deliver activity in the same transaction that updates the delivery,
 * and by a re-send, which is one more attempt at the same message (same idempotency key).
 */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: id(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** 1-based, per delivery: Temporal's attempt number, then one more per re-send. */
    attempt: integer("attempt").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    outcome: attemptOutcomeEnum("outcome").notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    /** What the receiver (or Alertflow's own rate limit) asked to wait, uncapped. */
    // bigint: a receiver may ask for a year (31536000 s), past a 32-bit count of milliseconds.
    retryAfterMs: bigint("retry_after_ms", { mode: "number" }),
    /** The wait chosen before the next attempt, when there is one. */
    nextRetryMs: integer("next_retry_ms"),
    error: text("error"),
    /** Why Alertflow itself failed this attempt (reason code and values, no secrets); null otherwise. */
    errorReason: jsonb("error_reason").$type<RefusalReason>(),
    request: deliveryRequestColumn("request"),
    response: recordedResponseColumn("response"),
    /** Who asked for this attempt by re-sending; null for the engine's own attempts. */
    resentBy: text("resent_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("delivery_attempts_delivery_attempt_uq").on(t.deliveryId, t.attempt),
    index("delivery_attempts_run_idx").on(t.runId, t.startedAt),
  ],
);

/** Token buckets shared by every worker process: one row per receiver limit (e.g. a PagerDuty key). */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  /** Whether the last request took a token; set in the same statement that refills. */
  lastGranted: boolean("last_granted").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The Postgres inbox of an open incident: alert events for it are committed here before the
 * endpoint answers 202, and the workflow pulls them in batches when poked. Opened with the run row
 * by the workflow, closed by the workflow when the incident ends (later events then start or reach
 * the next incident through Temporal). `lastSeq` numbers the events in commit order: appending
 * takes this row's lock, so a workflow that applied through seq n never needs n again.
 */
export const incidentInboxes = pgTable(
  "incident_inboxes",
  {
    /** The run (incident) id. */
    id: uuid("id")
      .primaryKey()
      .references(() => runs.id, { onDelete: "cascade" }),
    workflowId: text("workflow_id").notNull(),
    lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
    /** Set by the append that sent the workflow a poke; cleared when the workflow drains. */
    pokedAt: timestamp("poked_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * The workflow's whole input while the alert endpoint opened the incident (this row is its
     * claim) and its workflow is not known to be started; cleared once it is. The worker's
     * re-start job starts what a dead web process or a Temporal outage left here.
     */
    startInput: jsonb("start_input"),
    /** When a re-start job last took this row: one worker tries it at a time, then not again for a while. */
    startTriedAt: timestamp("start_tried_at", { withTimezone: true }),
    /**
     * Set by an operator's action (acknowledge, resolve, cancel) before it reaches the workflow:
     * from then on the due-send job sends nothing more for this incident (see dueSends).
     */
    sendsStoppedAt: timestamp("sends_stopped_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("incident_inboxes_open_uq")
      .on(t.workflowId)
      .where(sql`${t.closedAt} is null`),
    index("incident_inboxes_poked_idx")
      .on(t.pokedAt)
      .where(sql`${t.pokedAt} is not null and ${t.closedAt} is null`),
    index("incident_inboxes_closed_idx").on(t.closedAt),
  ],
);

/** One accepted alert event waiting in (or already drained from) an incident's inbox. */
export const inboxEvents = pgTable(
  "inbox_events",
  {
    inboxId: uuid("inbox_id")
      .notNull()
      .references(() => incidentInboxes.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    /** An AlertEvent (normalized alert and the time it was accepted). */
    event: inboxEventColumn("event").notNull(),
  },
  (t) => [primaryKey({ columns: [t.inboxId, t.seq] })],
);

/**
 * A message an incident's workflow will send at `dueAt` if nothing happens before then (its next
 * level or reminder), written with the run record that planned it. The worker's due-send job sends
 * it on time under a lease on its delivery row, without waiting for the workflow's task (which in
 * a storm queues behind the other incidents'); the workflow's own delivery at its timer finds the
 * row sent. `basisSeq` is the inbox seq the plan saw: a later event (an Ok, another error) leaves
 * the send to the workflow until it plans again. An operator's action stops the job for the
 * incident (incident_inboxes.sends_stopped_at); the rows already `claimed` tell the workflow what
 * went out before an action or an event, so it fires that first.
 */
export const dueSendStateEnum = pgEnum("due_send_state", ["waiting", "claimed"]);

export const dueSends = pgTable(
  "due_sends",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    /** The delivery's own key (idempotencyKeyFor): the job's row and the workflow's are one. */
    idempotencyKey: text("idempotency_key").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    basisSeq: bigint("basis_seq", { mode: "number" }).notNull(),
    /** The DeliverInput the workflow would send (no secrets: the same input its history holds). */
    message: jsonb("message").notNull(),
    state: dueSendStateEnum("state").notNull().default("waiting"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("due_sends_idempotency_uq").on(t.idempotencyKey),
    index("due_sends_run_idx").on(t.runId),
    index("due_sends_waiting_idx")
      .on(t.dueAt)
      .where(sql`${t.state} = 'waiting'`),
  ],
);

export const templates = pgTable(
  "templates",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** A display name, kept when the user is gone; part of the template, shown in exports. */
    authorName: text("author_name").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The flow it was first saved from, so saving that flow again offers a new version. */
    sourceFlowId: uuid("source_flow_id").references((): AnyPgColumn => flows.id, { onDelete: "set null" }),
    latestVersion: integer("latest_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("templates_workspace_idx").on(t.workspaceId, t.updatedAt)],
);

/** Immutable content of one template version: a graph without integration ids, and its placeholders. */
export const templateVersions = pgTable(
  "template_versions",
  {
    id: id(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    graph: jsonb("graph").$type<FlowGraph>().notNull(),
    placeholders: jsonb("placeholders").$type<TemplatePlaceholder[]>().notNull(),
    note: text("note").notNull().default(""),
    authorName: text("author_name").notNull().default(""),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("template_versions_template_version_uq").on(t.templateId, t.version)],
);

/** Public, read-only links to one template; the token is shown once and stored as a sha-256 hash. */
export const templateShareLinks = pgTable(
  "template_share_links",
  {
    id: id(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => templates.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters, so a person can tell links apart. */
    tokenPrefix: text("token_prefix").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("template_share_links_template_idx").on(t.templateId)],
);

/**
 * Who did what to which row. Append-only: a trigger (migration 0009) refuses UPDATE and DELETE,
 * and the workspace reference does not cascade. `detail` never holds secret values, only names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The actor's name at the time, kept when the user is gone. */
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_workspace_at_idx").on(t.workspaceId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export type Workspace = typeof workspaces.$inferSelect;
export type User = typeof users.$inferSelect;
export type { Role } from "~/core/accounts/access";
export type Flow = typeof flows.$inferSelect;
export type FlowVersion = typeof flowVersions.$inferSelect;
export type Integration = typeof integrations.$inferSelect;
export type Run = typeof runs.$inferSelect;
export type RunEvent = typeof runEvents.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type InboxMessage = typeof inboxMessages.$inferSelect;
export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;
export type Template = typeof templates.$inferSelect;
export type TemplateVersion = typeof templateVersions.$inferSelect;
export type RunStatus = (typeof runStatusEnum.enumValues)[number];
export type DeliveryStatus = (typeof deliveryStatusEnum.enumValues)[number];

/**
 * Signed callbacks already acted on (Slack signatures, Twilio signatures, PagerDuty event ids):
 * a captured request sent again is refused. Rows older than any link's life are swept.
 */
export const inboundReplays = pgTable(
  "inbound_replays",
  {
    workspaceId: workspaceId(),
    /** slack | twilio | pagerduty */
    source: text("source").notNull(),
    id: text("id").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.id] }), index("inbound_replays_seen_idx").on(t.seenAt)],
);
