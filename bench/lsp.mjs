// A minimal LSP client over stdio for the benchmark: spawns `node dist/server.js --stdio`,
// frames JSON-RPC messages (Content-Length headers) by hand so that the measured time is
// the server's plus the pipe's, with as little client overhead as possible.
//
// Every wait has a timeout with a message naming what was awaited; every spawned server is
// tracked and killed by killAllServers() (run.mjs calls it on exit, on signals and on errors).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Servers not yet stopped: killed on exit so that no process outlives the benchmark. */
const live = new Set();

export function killAllServers() {
  for (const server of live) server.kill();
}

export class LspServer {
  /**
   * @param {string} serverFile path of dist/server.js
   * @param {string[]} nodeArgs options for node itself (`--cpu-prof` to profile the server)
   * @param {NodeJS.ProcessEnv} [env] the server's environment (this process's by default)
   */
  constructor(serverFile, nodeArgs = [], env = undefined) {
    this.startedAt = performance.now();
    this.child = spawn(process.execPath, [...nodeArgs, serverFile, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    live.add(this);
    this.nextId = 1;
    /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: Error) => void, method: string}>} */
    this.pending = new Map();
    /** @type {Array<(message: any, arrivedAt: number) => boolean>} notification listeners; a listener returning true is removed */
    this.listeners = [];
    this.stderr = '';
    /** Capabilities the server registered dynamically (client/registerCapability). */
    this.registered = [];
    this.registrationWaiters = [];
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        live.delete(this);
        this.exitCode = code;
        const error = new Error(`the language server exited (code ${code}, signal ${signal}) while waiting for a response${this.stderr ? `; its stderr:\n${this.stderr.slice(-2000)}` : ''}`);
        for (const { reject } of this.pending.values()) reject(error);
        this.pending.clear();
        resolve(code);
      });
    });
    this.child.on('error', (error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    });
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString('utf8')));
    this.child.stdout.on('data', (chunk) => {
      try {
        this.receive(chunk);
      } catch (error) {
        // A malformed message: fail every waiter and stop the server rather than throw from an event handler.
        const failure = new Error(`cannot read the language server's output: ${error instanceof Error ? error.message : String(error)}`);
        for (const { reject } of this.pending.values()) reject(failure);
        this.pending.clear();
        this.kill();
      }
    });
    // Writes to a server that died are reported by the exit handler, not as unhandled errors.
    this.child.stdin.on('error', () => {});
  }

  receive(chunk) {
    // Chunks are kept in a list and joined once a whole message is there: joining at every chunk
    // would copy a long message (megabytes of diagnostics) over and over.
    this.chunks ??= [];
    this.chunks.push(chunk);
    this.buffered = (this.buffered ?? 0) + chunk.length;
    for (;;) {
      if (this.expected !== undefined && this.buffered < this.expected) return;
      if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
      const buffer = this.chunks[0];
      if (!buffer) return;
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header from the server: ${JSON.stringify(header)}`);
      const bodyStart = headerEnd + 4;
      if (buffer.length < bodyStart + length) {
        this.expected = bodyStart + length;
        return;
      }
      this.expected = undefined;
      const body = buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      const rest = buffer.subarray(bodyStart + length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      const message = JSON.parse(body);
      const arrivedAt = performance.now();
      this.dispatch(message, arrivedAt, length);
    }
  }

  dispatch(message, arrivedAt, length) {
    if ('id' in message && ('result' in message || 'error' in message) && !('method' in message)) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method} failed: ${message.error.message}`));
      else waiter.resolve({ result: message.result, arrivedAt, length });
      return;
    }
    if ('id' in message && 'method' in message) {
      // A request from the server (configuration, registration, progress): answer so it never waits on us.
      if (message.method === 'client/registerCapability') {
        this.registered.push(...(message.params?.registrations ?? []));
        for (const wake of this.registrationWaiters.splice(0)) wake();
      }
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    for (let index = 0; index < this.listeners.length; index++) {
      if (this.listeners[index](message, arrivedAt, length)) this.listeners.splice(index--, 1);
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request; resolves with { result, sentAt, arrivedAt }. */
  request(method, params, timeoutMs) {
    const id = this.nextId++;
    const sentAt = performance.now();
    const response = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
    return withTimeout(response, timeoutMs, `no response to ${method} within ${timeoutMs} ms`).then((value) => ({ ...value, sentAt }));
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with { params, arrivedAt, length } (length: the message's size in bytes) for the
   * first notification `method` (arriving after this call) that `accept` takes.
   */
  waitFor(method, accept, timeoutMs, what) {
    const arrival = new Promise((resolve) => {
      this.listeners.push((message, arrivedAt, length) => {
        if (message.method !== method || !accept(message.params)) return false;
        resolve({ params: message.params, arrivedAt, length });
        return true;
      });
    });
    const died = this.exited.then((code) => {
      throw new Error(`the language server exited (code ${code}) while waiting for ${what}${this.stderr ? `; its stderr:\n${this.stderr.slice(-2000)}` : ''}`);
    });
    return withTimeout(Promise.race([arrival, died]), timeoutMs, `timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  /**
   * The handshake (no settings support, a trusted workspace, no folders). `capabilities`: the
   * client's; with `{ textDocument: { diagnostic: {} } }` the server expects diagnostics to be
   * pulled, as VS Code does; with none it pushes them.
   */
  async initialize(timeoutMs, capabilities = {}) {
    const response = await this.request(
      'initialize',
      { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, initializationOptions: { workspaceTrusted: true } },
      timeoutMs,
    );
    this.notify('initialized', {});
    return response;
  }

  /** Resolves with the server's registrations for `method` once there are `count` of them. */
  registrations(method, count, timeoutMs) {
    const done = new Promise((resolve) => {
      const check = () => {
        const matching = this.registered.filter((registration) => registration.method === method);
        if (matching.length >= count) resolve(matching);
        else this.registrationWaiters.push(check);
      };
      check();
    });
    return withTimeout(done, timeoutMs, `timed out after ${timeoutMs} ms waiting for ${count} registrations of ${method}`);
  }

  /** shutdown + exit, then SIGKILL if the server is still there after `graceMs`. */
  async stop(graceMs = 3000) {
    if (!live.has(this)) return;
    try {
      await this.request('shutdown', null, graceMs);
      this.notify('exit', null);
    } catch {
      // Fall through to the kill below.
    }
    const exited = await Promise.race([this.exited.then(() => true), delay(graceMs).then(() => false)]);
    if (!exited) this.kill();
  }

  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    live.delete(this);
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
