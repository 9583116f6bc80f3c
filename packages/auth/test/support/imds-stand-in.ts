import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback listener standing for the instance metadata address (169.254.169.254), which tests never contact. A
 * process is pointed at it through AZURE_POD_IDENTITY_AUTHORITY_HOST, which @azure/identity and msal-node use in place
 * of the default address. It closes every connection after its answer.
 */
export interface ImdsStandIn {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A machine off Azure, where nothing answers at the metadata address. Answered the way Docker Desktop answers for an
 * unreachable network (403, "unreachable"), which @azure/identity classifies as "network unreachable" at once; a laptop
 * reaches the same verdict when its 1 s probe times out, only later.
 */
export function unreachableImds(): Promise<ImdsStandIn> {
  return listen((_, response) => {
    response.writeHead(403, { "content-type": "text/plain" });
    response.end("A socket operation was attempted to an unreachable network.");
  });
}

/** An Azure machine: the metadata address answers as its managed identity, here the emulator's IMDS route. */
export function answeringImds(emulatorHttpUrl: string): Promise<ImdsStandIn> {
  const target = new URL(emulatorHttpUrl);
  return listen((incoming, response) => {
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        const { connection: _, "keep-alive": __, ...headers } = answer.headers;
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    forwarded.on("error", (error) => response.destroy(error));
    incoming.pipe(forwarded);
  });
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<ImdsStandIn> {
  const server: Server = createServer((incoming, response) => {
    // One connection per request, so a process's connections count its requests here.
    response.shouldKeepAlive = false;
    handler?.(incoming, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
