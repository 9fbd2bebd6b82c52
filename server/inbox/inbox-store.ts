import { desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inboxMessages } from "~/db/schema";
import type { InboxStore } from "../delivery/send-inbox";

/** The inbox writer for one integration's messages (worker deliveries and test-sends). */
export function inboxStore(
  db: Db,
  target: { workspaceId: string; integrationId: string | null; runId: string | null; flowName: string },
): InboxStore {
  return async (message) => {
    await db
      .insert(inboxMessages)
      .values({ ...target, ...message })
      .onConflictDoNothing({ target: inboxMessages.idempotencyKey });
  };
}

/** The newest messages of a workspace's inbox. */
export function listInbox({ db, workspaceId }: { db: Db; workspaceId: string }, limit = 200) {
  return db
    .select({
      id: inboxMessages.id,
      runId: inboxMessages.runId,
      flowName: inboxMessages.flowName,
      messageType: inboxMessages.messageType,
      level: inboxMessages.level,
      reminderNumber: inboxMessages.reminderNumber,
      title: inboxMessages.title,
      body: inboxMessages.body,
      createdAt: inboxMessages.createdAt,
    })
    .from(inboxMessages)
    .where(eq(inboxMessages.workspaceId, workspaceId))
    .orderBy(desc(inboxMessages.createdAt))
    .limit(limit);
}
