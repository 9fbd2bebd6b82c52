import type { NormalizedAlert } from "../alerts/alert";
import { ownEntry } from "../own-entry";

export interface FiredLevel {
  firedAtMs: number;
  remindersSent: number;
}

/** Carried across continueAsNew so a long incident keeps its clock and its fired levels. */
export interface EscalationState {
  firstErrorAtMs: number;
  errorCount: number;
  fired: Record<string, FiredLevel>;
  acknowledged: boolean;
  currentLevel: number;
  lastAlert: NormalizedAlert;
}

/** When the level at `nodeId` fired, or undefined while it has not (any node id, `constructor` too). */
export const firedLevel = (state: Pick<EscalationState, "fired">, nodeId: string): FiredLevel | undefined =>
  ownEntry(state.fired, nodeId);

/** The clock of a new incident starts at its first error; that error is counted when it is applied. */
export function newEscalationState(firstErrorAtMs: number, firstAlert: NormalizedAlert): EscalationState {
  return { firstErrorAtMs, errorCount: 0, fired: {}, acknowledged: false, currentLevel: 0, lastAlert: firstAlert };
}
