import type { Locale } from "../i18n/locales";

/**
 * The words Alertflow's own default messages use, per language. A preset's default texts can be
 * created in any of these; from then on they are the person's texts, never translated again.
 */
export interface PresetWords {
  /** Headlines and subject tags. */
  alert: string;
  reminder: string;
  recovered: string;
  /** Shouted in a text message: ALERT, REMINDER, OK. */
  smsAlert: string;
  smsReminder: string;
  smsOk: string;
  /** "Recovered after" + a duration, at the start of a sentence and inside one. */
  recoveredAfter: string;
  recoveredAfterInline: string;
  /** Fact labels. */
  alertFlow: string;
  level: string;
  levelInline: string;
  firstErrorUtc: string;
  timeUtc: string;
  monitor: string;
  incident: string;
  dashboard: string;
  error: string;
  /** Actions. */
  acknowledge: string;
  resolve: string;
  ack: string;
  /** Link texts in an incident tool (PagerDuty). */
  acknowledgeInAlertflow: string;
  resolveInAlertflow: string;
  /** "Alertflow incident" + its key, in a ticket's closing notes (ServiceNow). */
  alertflowIncident: string;
  /** Labels of an incident tool's detail fields (PagerDuty's custom details). */
  message: string;
  description: string;
  alertType: string;
  escalationLevel: string;
  monitorUrl: string;
}

export const PRESET_WORDS: Record<Locale, PresetWords> = {
  en: {
    alert: "Alert",
    reminder: "Reminder",
    recovered: "Recovered",
    smsAlert: "ALERT",
    smsReminder: "REMINDER",
    smsOk: "OK",
    recoveredAfter: "Recovered after",
    recoveredAfterInline: "recovered after",
    alertFlow: "Alert flow",
    level: "Level",
    levelInline: "level",
    firstErrorUtc: "First error (UTC)",
    timeUtc: "Time (UTC)",
    monitor: "Monitor",
    incident: "Incident",
    dashboard: "Dashboard",
    error: "Error",
    acknowledge: "Acknowledge",
    resolve: "Resolve",
    ack: "Ack",
    acknowledgeInAlertflow: "Acknowledge in Alertflow",
    resolveInAlertflow: "Resolve in Alertflow",
    alertflowIncident: "Alertflow incident",
    message: "Message",
    description: "Description",
    alertType: "Alert type",
    escalationLevel: "Escalation level",
    monitorUrl: "Monitor URL",
  },
  fr: {
    alert: "Alerte",
    reminder: "Rappel",
    recovered: "Rétabli",
    smsAlert: "ALERTE",
    smsReminder: "RAPPEL",
    smsOk: "OK",
    recoveredAfter: "Rétabli après",
    recoveredAfterInline: "rétabli après",
    alertFlow: "Flux d'alerte",
    level: "Niveau",
    levelInline: "niveau",
    firstErrorUtc: "Première erreur (UTC)",
    timeUtc: "Heure (UTC)",
    monitor: "Moniteur",
    incident: "Incident",
    dashboard: "Tableau de bord",
    error: "Erreur",
    acknowledge: "Accuser réception",
    resolve: "Résoudre",
    ack: "Accusé",
    acknowledgeInAlertflow: "Accuser réception dans Alertflow",
    resolveInAlertflow: "Résoudre dans Alertflow",
    alertflowIncident: "incident Alertflow",
    message: "Message",
    description: "Description",
    alertType: "Type d'alerte",
    escalationLevel: "Niveau d'escalade",
    monitorUrl: "URL du moniteur",
  },
  nl: {
    alert: "Alert",
    reminder: "Herinnering",
    recovered: "Hersteld",
    smsAlert: "ALERT",
    smsReminder: "HERINNERING",
    smsOk: "OK",
    recoveredAfter: "Hersteld na",
    recoveredAfterInline: "hersteld na",
    alertFlow: "Flow",
    level: "Niveau",
    levelInline: "niveau",
    firstErrorUtc: "Eerste fout (UTC)",
    timeUtc: "Tijd (UTC)",
    monitor: "Monitor",
    incident: "Incident",
    dashboard: "Dashboard",
    error: "Fout",
    acknowledge: "Bevestigen",
    resolve: "Oplossen",
    ack: "Bevestig",
    acknowledgeInAlertflow: "Bevestigen in Alertflow",
    resolveInAlertflow: "Oplossen in Alertflow",
    alertflowIncident: "Alertflow-incident",
    message: "Bericht",
    description: "Beschrijving",
    alertType: "Alerttype",
    escalationLevel: "Escalatieniveau",
    monitorUrl: "Monitor-URL",
  },
};
