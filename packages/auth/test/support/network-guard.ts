import net from "node:net";

/** A connection the test process attempted: where, and whether the guard let it through. */
export interface ConnectionAttempt {
  host: string;
  port: number;
  allowed: boolean;
}

const loopback = new Set(["127.0.0.1", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"]);
const attempts: ConnectionAttempt[] = [];
const originalConnect = net.Socket.prototype.connect;
let installed = false;

/**
 * Fails every TCP connection of this process to anything but loopback, before a packet leaves: `net.connect`,
 * `tls.connect`, `https.request` and `fetch` (undici) all end in `net.Socket.prototype.connect`. Every attempt is
 * recorded, so a test can also prove that its connections went to the emulator's ports and nowhere else.
 */
export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  // biome-ignore lint/suspicious/noExplicitAny: Socket#connect is overloaded; the wrapper forwards whatever it got.
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: any[]): net.Socket {
    const target = connectTarget(args);
    if (target === undefined) return originalConnect.apply(this, args as never);
    const allowed = loopback.has(target.host.toLowerCase()) || target.host.startsWith("127.");
    attempts.push({ ...target, allowed });
    if (allowed) return originalConnect.apply(this, args as never);
    process.nextTick(() =>
      this.destroy(
        new Error(`network guard: blocked a connection to ${target.host}:${target.port} (tests talk to loopback only)`),
      ),
    );
    return this;
  } as typeof net.Socket.prototype.connect;
}

export function connectionAttempts(): readonly ConnectionAttempt[] {
  return attempts;
}

/** Removes and returns the attempts recorded so far (for the test that proves the guard blocks). */
export function takeConnectionAttempts(): ConnectionAttempt[] {
  return attempts.splice(0, attempts.length);
}

// net.connect normalizes its arguments to `[options, callback]` before calling Socket#connect; user code may pass
// `(options)`, `(port, host)` or `(path)`. IPC paths are local by definition and not recorded.
function connectTarget(args: unknown[]): { host: string; port: number } | undefined {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof options.path === "string") return undefined;
    return { host: typeof options.host === "string" ? options.host : "localhost", port: Number(options.port) };
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
  }
  return undefined;
}
