import type { TestProject } from "vitest/node";
import { startTestServices } from "./test-services";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject) {
  const services = await startTestServices();
  project.provide("databaseUrl", services.databaseUrl);
  project.provide("temporalAddress", services.temporal.address);
  return async () => {
    await services.stop();
  };
}
