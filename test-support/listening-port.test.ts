import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { listeningPort } from "./listening-port";

describe("listeningPort", () => {
  it("gives the TCP port a server listens on, and refuses a server that does not listen", async () => {
    const server = createServer((_request, response) => response.end("here"));
    expect(() => listeningPort(server)).toThrow("not listening on a TCP port");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = listeningPort(server);
      expect(port).toBeGreaterThan(0);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("here");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
