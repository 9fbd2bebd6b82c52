import type { IntegrationCustomizations } from "./customizations-schema";
import type { IntegrationType } from "./integration-types";

/** An integration as the sender needs it: secrets already decrypted, customizations parsed. */
export interface IntegrationRecord {
  id: string;
  type: IntegrationType;
  name: string;
  variables: Record<string, string>;
  secrets: Record<string, string>;
  customizations: IntegrationCustomizations | null;
}
