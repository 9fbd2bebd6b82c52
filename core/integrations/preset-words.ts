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
  /** The inbox's lines: "Still failing since …", "Flow: …", "First error … UTC, recovered … UTC". */
  stillFailingSince: string;
  flow: string;
  firstError: string;
  recoveredInline: string;
  /** Spoken by a phone call, with the language its voice reads in (Twilio's `<Say language>`). */
  spokenLanguage: string;
  alertFromAlertflow: string;
  reminderFromAlertflow: string;
  isStillFailing: string;
  pressOneToAcknowledge: string;
  noKeyPressed: string;
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
    stillFailingSince: "Still failing since",
    flow: "Flow",
    firstError: "First error",
    recoveredInline: "recovered",
    spokenLanguage: "en-US",
    alertFromAlertflow: "Alert from Alertflow.",
    reminderFromAlertflow: "Reminder from Alertflow.",
    isStillFailing: "is still failing",
    pressOneToAcknowledge: "Press 1 to acknowledge.",
    noKeyPressed: "No key was pressed. The escalation continues. Goodbye.",
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
    stillFailingSince: "Toujours en erreur depuis",
    flow: "Flux",
    firstError: "Première erreur",
    recoveredInline: "rétabli",
    spokenLanguage: "fr-FR",
    alertFromAlertflow: "Alerte d'Alertflow.",
    reminderFromAlertflow: "Rappel d'Alertflow.",
    isStillFailing: "est toujours en erreur",
    pressOneToAcknowledge: "Appuyez sur 1 pour accuser réception.",
    noKeyPressed: "Aucune touche n'a été pressée. L'escalade continue. Au revoir.",
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
    stillFailingSince: "Nog steeds fout sinds",
    flow: "Flow",
    firstError: "Eerste fout",
    recoveredInline: "hersteld",
    spokenLanguage: "nl-NL",
    alertFromAlertflow: "Alert van Alertflow.",
    reminderFromAlertflow: "Herinnering van Alertflow.",
    isStillFailing: "faalt nog steeds",
    pressOneToAcknowledge: "Druk op 1 om te bevestigen.",
    noKeyPressed: "Er werd geen toets ingedrukt. De escalatie gaat door. Tot ziens.",
    message: "Bericht",
    description: "Beschrijving",
    alertType: "Alerttype",
    escalationLevel: "Escalatieniveau",
    monitorUrl: "Monitor-URL",
  },
};
