import { z } from "zod";

const DEV_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/alertflow";
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));

/** Parsed once; modules import `env`, never `process.env`. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Required in production; development falls back to the local server. */
  DATABASE_URL: z.string().url().optional(),
  TEMPORAL_ADDRESS: z.string().default("127.0.0.1:7233"),
  TEMPORAL_NAMESPACE: z.string().default("default"),
  TEMPORAL_TASK_QUEUE: z.string().default("alertflow"),
  /** Temporal's Web UI, for the "open in Temporal" link on a run (the dev server serves it on 8233). */
  TEMPORAL_UI_URL: z.string().url().default("http://localhost:8233"),
  /** mTLS to a Temporal cluster or Temporal Cloud: PEM files of the client certificate and its key. */
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  /** PEM of the CA that signed the server's certificate, when it is not a public one. */
  TEMPORAL_TLS_CA_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  /** "true" for TLS without a client certificate (set automatically with an API key or a certificate). */
  TEMPORAL_TLS: z.enum(["true", "false"]).optional(),
  /** Temporal Cloud API key (implies TLS). */
  TEMPORAL_API_KEY: optionalText,
  /** How many worker processes `npm start` runs beside the web server (0: web only; add more with `npm run worker`). */
  ALERTFLOW_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** "true": `npm start` seeds the demo flow and inbox into an empty database (`npm run dev` always does, unless "false"). */
  ALERTFLOW_DEMO: z.enum(["true", "false"]).default("false"),
  /**
   * `npm start`'s web server: "front" (default) answers `POST /api/alerts/<token>` in a plain
   * node:http server before Next.js (scripts/launcher/front-server.ts, 2–3× less CPU per
   * alert); "next" runs `next start` alone, the route answering alerts, to compare or fall back.
   */
  ALERTFLOW_WEB_SERVER: z.enum(["front", "next"]).default("front"),
  /**
   * "true" (default): `npm start`'s web server also runs an escalation worker on the task queue
   * and starts the workflows of the incidents it opens with Temporal's eager workflow start, so
   * their first workflow task comes back in the start's answer instead of through the queue and
   * the worker process (`npm run bench`, on and off back to back: 28 % less CPU per incident at
   * c=1, at c=10 70 % of the Temporal ceiling through to the workflows against 61 %, but fewer
   * first messages per second and a storm's later levels later). The separate worker process
   * still runs (the jobs, and any task this one does not take: a web worker with no free slot, or
   * a server that refuses eager start, queues the task as before). "false": every task goes
   * through the queue.
   */
  ALERTFLOW_EAGER_START: z.enum(["true", "false"]).default("true"),
  /** Where `npm start` listens. */
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** A workflow bundle built ahead (bundleWorkflowCode): the worker then starts in seconds, not tens. */
  WORKFLOW_BUNDLE_PATH: optionalText,
  /**
   * Encrypts integration secrets at rest: any passphrase of 16+ characters, hashed to a 256-bit
   * key. Required in production; development generates one into ALERTFLOW_SECRET_KEY_FILE.
   */
  ALERTFLOW_SECRET_KEY: z.string().min(16).optional(),
  /** Comma-separated keys that only open secrets sealed before a rotation (`npm run secrets:rotate`). */
  ALERTFLOW_SECRET_KEY_PREVIOUS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ALERTFLOW_SECRET_KEY_FILE: z.string().default(".data/secret-key"),
  /** Comma-separated hosts, host:port or CIDRs that outbound requests may reach although private. */
  OUTBOUND_ALLOW_LIST: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /**
   * Signs session cookies. When unset it is derived from the current secrets key (server/auth), so one
   * secret is enough to run; set it to rotate sessions without touching stored secrets.
   */
  AUTH_SECRET: z.string().min(32).optional(),
  /** "invitation": only people with an invitation link may create an account; "open": anyone may sign up. */
  ALERTFLOW_SIGN_UP: z.enum(["open", "invitation"]).default("open"),
  /**
   * Comma-separated headers a reverse proxy in front sets to the client's address (e.g.
   * x-forwarded-for, which the proxy must replace, not append to). Unset: the client is the
   * socket's peer and no such header is believed.
   */
  TRUSTED_PROXY_HEADERS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, "not an HTTP header name"))),
  /** Mail for accounts (password reset), e.g. smtp://user:pass@mail.example.com:587. Unset: links go to the server log. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Alertflow <alertflow@localhost>"),
  /**
   * Alerts one inbound endpoint token may send: bursts of INBOUND_RATE_LIMIT_BURST, refilled at
   * INBOUND_RATE_LIMIT_PER_SECOND (0: no limit). Shared by every web process through Postgres.
   */
  INBOUND_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
  INBOUND_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(100),
  /**
   * "true" (default): a new incident's first messages go out from the alert endpoint, before its
   * workflow runs (under a lease, see worker/activities/first-message.ts); "false": the workflow
   * sends them. Its HTTP 500/503 under 10 concurrent senders came from the rollup triggers' shared
   * row (gone with migration 0020); the bench now measures 0 refusals and a faster first page.
   */
  FIRST_MESSAGE_AT_INGRESS: z.enum(["true", "false"]).default("true"),
  /**
   * "true": the web server prints, per alert request, when each step of the alert endpoint ended
   * (ms from the request's start: lookup, rate limit, claim, answer, first message sent and
   * recorded), one `ingress-timing` line each; phase names and numbers only. For diagnosis.
   */
  ALERTFLOW_INGRESS_TIMING: z.enum(["true", "false"]).default("false"),
  MAX_ALERT_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

const checkedSchema = envSchema
  .superRefine((e, ctx) => {
    // `next build` runs with NODE_ENV=production but connects to nothing.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    if (e.NODE_ENV === "production" && !e.DATABASE_URL && !building) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required in production" });
    }
    if (Boolean(e.TEMPORAL_TLS_CERT_PATH) !== Boolean(e.TEMPORAL_TLS_KEY_PATH)) {
      ctx.addIssue({
        code: "custom",
        path: [e.TEMPORAL_TLS_CERT_PATH ? "TEMPORAL_TLS_KEY_PATH" : "TEMPORAL_TLS_CERT_PATH"],
        message: "TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together",
      });
    }
  })
  .transform((e) => ({ ...e, DATABASE_URL: e.DATABASE_URL ?? DEV_DATABASE_URL }));

export type Env = z.infer<typeof checkedSchema>;

function parseEnv(): Env {
  const parsed = checkedSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv();
