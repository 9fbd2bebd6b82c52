import { describe, expect, it } from "vitest";
import { fnv1a64Hex, labelsFingerprint } from "./fingerprint";

describe("labelsFingerprint", () => {
  // Vectors from prometheus/common model/signature_test.go (TestMetricToFingerprint).
  it("matches Prometheus' label-set fingerprint", () => {
    expect(labelsFingerprint({})).toBe(14695981039346656037n.toString(16));
    expect(labelsFingerprint({ name: "garland, briggs", fear: "love is not enough" })).toBe(
      5799056148416392346n.toString(16).padStart(16, "0"),
    );
  });

  it("does not depend on label order", () => {
    expect(labelsFingerprint({ a: "1", b: "2" })).toBe(labelsFingerprint({ b: "2", a: "1" }));
    expect(labelsFingerprint({ a: "12" })).not.toBe(labelsFingerprint({ a1: "2" }));
  });
});

describe("fnv1a64Hex", () => {
  it("is standard FNV-1a 64", () => {
    expect(fnv1a64Hex("")).toBe("cbf29ce484222325");
    expect(fnv1a64Hex("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64Hex("foobar")).toBe("85944171f73967e8");
  });
});
