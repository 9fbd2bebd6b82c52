import type { NormalizedAlert } from "../alerts/alert";

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
