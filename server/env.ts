import { z } from "zod";

/** Parsed once; modules import `env`, never `process.env`. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/alertflow"),
  TEMPORAL_ADDRESS: z.string().default("127.0.0.1:7233"),
  TEMPORAL_NAMESPACE: z.string().default("default"),
  TEMPORAL_TASK_QUEUE: z.string().default("alertflow"),
  /** Temporal's Web UI, for the "open in Temporal" link on a run (the dev server serves it on 8233). */
  TEMPORAL_UI_URL: z.string().url().default("http://localhost:8233"),
  /** Encrypts integration secrets at rest. Any passphrase; hashed to a 256-bit key. */
  ALERTFLOW_SECRET_KEY: z.string().min(16).default("alertflow-dev-secret-key-change-me"),
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
  MAX_ALERT_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv();
