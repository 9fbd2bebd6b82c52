import { describe, expect, it } from "vitest";
import { assertHostAllowed, assertOutboundAllowed, isPrivateAddress } from "./outbound-guard";

const resolveTo =
  (...addresses: string[]) =>
  async () =>
    addresses;
const blocked = expect.objectContaining({ code: "OUTBOUND_BLOCKED" });

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:a00:1", // mapped, written in hex
    "::7f00:1", // IPv4-compatible 127.0.0.1
    "::a9fe:a9fe", // IPv4-compatible 169.254.169.254
    "64:ff9b::7f00:1", // NAT64
    "64:ff9b:1::1", // local-use NAT64
    "2002:7f00:1::1", // 6to4 of 127.0.0.1
    "2001:0:4136:e378::1", // Teredo
    "fec0::1", // site-local
    "ff02::1", // multicast
    "198.18.0.1",
    "198.19.255.254",
    "192.0.0.8",
    "192.88.99.1",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each([
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700::1111",
    "203.0.113.10",
    "198.20.0.1",
    "192.0.1.1",
    "223.255.255.255",
    "::ffff:8.8.8.8",
    "2a00:1450::1",
  ])("allows %s", (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe("assertOutboundAllowed", () => {
  it("allows public hosts and returns what they resolve to", async () => {
    await expect(
      assertOutboundAllowed("https://hooks.example.com/x", { allowList: [], resolve: resolveTo("93.184.216.34") }),
    ).resolves.toEqual(["93.184.216.34"]);
  });

  it("refuses literal and resolved private addresses", async () => {
    await expect(assertOutboundAllowed("http://127.0.0.1:8080/", { allowList: [] })).rejects.toThrow(blocked);
    await expect(assertOutboundAllowed("http://[::1]:8080/", { allowList: [] })).rejects.toThrow(blocked);
    await expect(assertOutboundAllowed("http://localhost/", { allowList: [] })).rejects.toThrow(blocked);
    // One private address among public ones is enough: the connection may pick it.
    await expect(
      assertOutboundAllowed("https://rebind.example.com/", {
        allowList: [],
        resolve: resolveTo("8.8.8.8", "10.0.0.5"),
      }),
    ).rejects.toThrow(blocked);
  });

  it("refuses non-http schemes and malformed URLs", async () => {
    await expect(assertOutboundAllowed("file:///etc/passwd", { allowList: [] })).rejects.toThrow(blocked);
    await expect(assertOutboundAllowed("not a url", { allowList: [] })).rejects.toThrow(blocked);
  });

  it("honours host, host:port and CIDR allow-list entries", async () => {
    const resolve = resolveTo("10.0.0.7");
    await expect(
      assertOutboundAllowed("http://internal.example:8080/", { allowList: ["internal.example"], resolve }),
    ).resolves.toEqual([]);
    await expect(
      assertOutboundAllowed("http://internal.example:8080/", { allowList: ["internal.example:8080"], resolve }),
    ).resolves.toEqual([]);
    await expect(
      assertOutboundAllowed("http://internal.example:9090/", { allowList: ["internal.example:8080"], resolve }),
    ).rejects.toThrow(blocked);
    await expect(
      assertOutboundAllowed("http://internal.example/", { allowList: ["10.0.0.0/24"], resolve }),
    ).resolves.toEqual(["10.0.0.7"]);
    await expect(
      assertOutboundAllowed("http://internal.example/", { allowList: ["10.0.1.0/24"], resolve }),
    ).rejects.toThrow(blocked);
    await expect(assertOutboundAllowed("http://127.0.0.1:4000/", { allowList: ["127.0.0.1"] })).resolves.toEqual([]);
    await expect(assertOutboundAllowed("http://[::1]:4000/", { allowList: ["[::1]:4000"] })).resolves.toEqual([]);
    await expect(assertHostAllowed("::1", 25, { allowList: ["::1/128"] })).resolves.toEqual(["::1"]);
  });

  it("uses the real resolver by default", async () => {
    await expect(
      assertOutboundAllowed("http://localhost:1/", { allowList: ["127.0.0.0/8", "::1/128"] }),
    ).resolves.not.toHaveLength(0);
  });
});
