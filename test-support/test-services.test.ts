import { describe, expect, it } from "vitest";
import { workerDatabaseUrl } from "./test-services";

describe("workerDatabaseUrl", () => {
  it("keeps TEST_DATABASE_URL for the first integration worker and gives each other one a database of its own", () => {
    const url = "postgres://postgres@127.0.0.1:5432/alertflow_test_x?sslmode=disable";
    const names = [0, 1, 2].map((i) => workerDatabaseUrl(url, i));
    expect(names).toEqual([
      url,
      "postgres://postgres@127.0.0.1:5432/alertflow_test_x_2?sslmode=disable",
      "postgres://postgres@127.0.0.1:5432/alertflow_test_x_3?sslmode=disable",
    ]);
  });
});
