import net from "node:net";
import { listeningPort } from "~/test-support/listening-port";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = listeningPort(server);
      server.close(() => resolve(port));
    });
  });
}
