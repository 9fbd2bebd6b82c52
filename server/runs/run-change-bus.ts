import pg from "pg";
import { z } from "zod";
import type { RunChange } from "~/core/escalation/run-change";
import { runStatusEnum } from "~/db/schema";

/** The channel the database triggers announce run changes on (migration 0011). */
export const RUN_CHANGES_CHANNEL = "alertflow_runs";

const noticeSchema = z.object({
  w: z.string().uuid(),
  r: z.string().uuid().optional(),
  s: z.enum(runStatusEnum.enumValues).optional(),
  l: z.number().int().optional(),
});

/** The workspace and change a notice names, or null for a payload this version cannot read. */
export function parseRunNotice(payload: string | undefined): { workspaceId: string; change: RunChange } | null {
  let json: unknown;
  try {
    json = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  const parsed = noticeSchema.safeParse(json);
  if (!parsed.success) return null;
  const { w, r, s, l } = parsed.data;
  return { workspaceId: w, change: { runId: r ?? null, status: s ?? null, level: l ?? null } };
}

export const RUN_CHANGES_APPLICATION = "alertflow-run-changes";

type Listener = (change: RunChange) => void;

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
const EVERYTHING: RunChange = { runId: null, status: null, level: null };

/**
 * One LISTEN connection per process, shared by every open stream: a hundred people watching the
 * runs page hold one Postgres connection, not a hundred. It connects on the first subscriber,
 * closes after the last one leaves, and reconnects with backoff when the server drops it; after
 * a reconnect every subscriber is told to refetch, since notices sent meanwhile are gone.
 */
export class RunChangeBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Set while notices may have been lost (connection down); the next connect tells everyone to refetch. */
  private missed = false;

  constructor(private readonly connectionString: string) {}

  /** Calls `listener` for each change in `workspaceId`; resolves once the LISTEN is in place. */
  async subscribe(workspaceId: string, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(workspaceId);
    if (!set) this.listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    const unsubscribe = () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(workspaceId);
      if (this.listeners.size === 0) this.stop();
    };
    try {
      await this.ensureConnected();
    } catch {
      // The stream stays open and the reconnect loop keeps trying; subscribers refetch when it succeeds.
      this.missed = true;
      this.scheduleReconnect();
    }
    return unsubscribe;
  }

  /** How many streams listen now (one connection serves them all). */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      // Named, so an operator (and a test) can see there is one per process in pg_stat_activity.
      application_name: RUN_CHANGES_APPLICATION,
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners("notification");
      this.missed = true;
      if (this.listeners.size > 0) this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (message.channel !== RUN_CHANGES_CHANNEL) return;
      const notice = parseRunNotice(message.payload);
      if (notice) this.emit(notice.workspaceId, notice.change);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RUN_CHANGES_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.listeners.size === 0) {
      // Everyone left while it connected.
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    if (this.missed) for (const workspaceId of this.listeners.keys()) this.emit(workspaceId, EVERYTHING);
    this.missed = false;
  }

  private scheduleReconnect() {
    if (this.retryTimer || this.listeners.size === 0) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureConnected().catch(() => {
        this.missed = true;
        this.scheduleReconnect();
      });
    }, wait);
    this.retryTimer.unref();
  }

  private emit(workspaceId: string, change: RunChange) {
    for (const listener of this.listeners.get(workspaceId) ?? []) listener(change);
  }

  private stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.missed = false;
    if (client) {
      client.removeAllListeners("notification");
      client.end().catch(() => undefined);
    }
  }
}

declare global {
  // One per process, kept across Next.js hot reloads.
  var alertflowRunChangeBus: RunChangeBus | undefined;
}

/** The process-wide bus. */
export function getRunChangeBus(connectionString: string): RunChangeBus {
  globalThis.alertflowRunChangeBus ??= new RunChangeBus(connectionString);
  return globalThis.alertflowRunChangeBus;
}
