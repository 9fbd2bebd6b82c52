import { describe, expect, it } from "vitest";
import { allowListEntryKind } from "./allow-list-entry";

describe("allow-list entries", () => {
  it.each([
    ["127.0.0.1", "host"],
    ["localhost", "host"],
    ["receiver.internal", "host"],
    ["::1", "host"],
    ["[::1]", "host"],
    ["::ffff:10.0.0.1", "host"],
    ["127.0.0.1:8080", "host:port"],
    ["hooks.corp.example:443", "host:port"],
    ["[fe80::1]:9000", "host:port"],
    ["10.0.0.0/8", "cidr"],
    ["192.168.1.0/24", "cidr"],
    ["fc00::/7", "cidr"],
    ["  10.1.2.3  ", "host"],
  ])("accepts %s as %s", (entry, kind) => {
    expect(allowListEntryKind(entry)).toBe(kind);
  });

  it.each([
    "",
    "http://127.0.0.1",
    "127.0.0.1/33",
    "fc00::/129",
    "256.0.0.1",
    "host:0",
    "host:70000",
    "host:",
    "-bad.example",
    "a b",
    "1.2.3",
    "::1:8080:x",
    "1:2:3:4:5:6:7:8:9",
    "[::1]:abc",
    "x".repeat(254),
    "*.example.com",
  ])("refuses %s", (entry) => {
    expect(allowListEntryKind(entry)).toBeNull();
  });
});
