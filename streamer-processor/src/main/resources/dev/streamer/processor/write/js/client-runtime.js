// ---------------------------------------------------------------------------------------------------------------
// Streamer client runtime: the same in every generated client. Dependency-free; runs in browsers and in Node >= 22
// (global WebSocket), or Node 20/21 with --experimental-websocket or an injected WebSocket constructor.
// ---------------------------------------------------------------------------------------------------------------

const OPEN = 1;
const CLOSED = 3;
const encoder = new TextEncoder();

/** A failed request: the server's typed error, or one the client raised (TIMEOUT, SERVICE_UNAVAILABLE, CANCELLED). */
export class StreamerError extends Error {
  constructor(code, message, { details = {}, retry = undefined, requestId = null } = {}) {
    super(message);
    this.name = 'StreamerError';
    this.code = code;
    this.details = details ?? {};
    this.retry = retry ?? { retryable: RETRYABLE_ERROR_CODES.includes(code) };
    this.requestId = requestId;
  }

  /** Whether the same request may succeed if sent again. */
  get retryable() {
    return this.retry.retryable === true;
  }

  /** From the `error` object of an error message or status reply. */
  static fromWire(error, requestId) {
    if (error === null || typeof error !== 'object') {
      return new StreamerError('INTERNAL_ERROR', 'error without details', { requestId });
    }
    const code = ERROR_CODES.includes(error.code) ? error.code : 'INTERNAL_ERROR';
    const message = typeof error.message === 'string' ? error.message : code;
    return new StreamerError(code, message, { details: error.details, retry: error.retry, requestId });
  }
}

const DEFAULTS = Object.freeze({
  tokenIn: 'query',
  timeoutMs: 120_000,
  connectTimeoutMs: 10_000,
  heartbeatMs: IDLE_TIMEOUT_MS / 2,
  heartbeatTimeoutMs: 30_000,
  reconnect: Object.freeze({ baseMs: 250, maxMs: 30_000, maxAttempts: Infinity }),
  rateLimitRetry: Object.freeze({ maxAttempts: 0, maxWaitMs: 60_000 }),
});

function rateLimitRetryOptions(value, fallback) {
  const merged = value === false ? { ...fallback, maxAttempts: 0 } : { ...fallback, ...(value ?? {}) };
  if (!(Number.isInteger(merged.maxAttempts) && merged.maxAttempts >= 0 && merged.maxWaitMs >= 0)) {
    throw new TypeError('rateLimitRetry needs an integer maxAttempts >= 0 and maxWaitMs >= 0');
  }
  return merged;
}

/**
 * A client of a Streamer WebSocket API. One connection, opened on the first request (or by `connect()`);
 * replies are matched to requests by id; queued (async) requests keep their promise through ack and progress until
 * the result; a connection lost while requests wait is re-opened with exponential backoff and jitter, and every
 * queued request still waiting is re-attached with the built-in `subscribe`. With nothing waiting, the next
 * request re-opens it (the server never speaks unasked).
 */
/** Milliseconds until a RATE_LIMITED error's `retry.after` (plus up to 10% jitter, so waiters spread); null if none. */
function rateLimitWait(error) {
  const after = Date.parse(error.retry?.after ?? '');
  if (Number.isNaN(after)) {
    return null;
  }
  const wait = Math.max(0, after - Date.now());
  return Math.ceil(wait + Math.random() * Math.min(1_000, wait * 0.1 + 50));
}

export class StreamerClient {
  #url;
  #options;
  #WebSocket;
  #socket = null;
  #opening = null;
  #closed = false;
  #nextId = 0;
  #calls = new Map();
  #listeners = new Map();
  #byRequestId = new Map();
  #connections = 0;
  #reconnectTimer = null;
  #reconnectAttempts = 0;
  #heartbeatTimer = null;
  #lastHeard = 0;

  constructor(url, options = {}) {
    if (typeof url !== 'string' && !(url instanceof URL)) {
      throw new TypeError('url must be a ws:// or wss:// URL');
    }
    this.#url = new URL(String(url));
    if (this.#url.protocol !== 'ws:' && this.#url.protocol !== 'wss:') {
      throw new TypeError(`url must use ws: or wss:, not ${this.#url.protocol}`);
    }
    const reconnect = options.reconnect === false
      ? { ...DEFAULTS.reconnect, maxAttempts: 0 }
      : { ...DEFAULTS.reconnect, ...(options.reconnect ?? {}) };
    const rateLimitRetry = rateLimitRetryOptions(options.rateLimitRetry, DEFAULTS.rateLimitRetry);
    this.#options = { ...DEFAULTS, ...options, reconnect, rateLimitRetry };
    if (this.#options.tokenIn !== 'query' && this.#options.tokenIn !== 'protocol') {
      throw new TypeError("tokenIn must be 'query' or 'protocol'");
    }
    for (const name of ['timeoutMs', 'connectTimeoutMs', 'heartbeatMs', 'heartbeatTimeoutMs']) {
      if (!(this.#options[name] >= 0)) {
        throw new TypeError(`${name} must be a number >= 0`);
      }
    }
    if (!(reconnect.baseMs >= 0 && reconnect.maxMs >= reconnect.baseMs && reconnect.maxAttempts >= 0)) {
      throw new TypeError('reconnect needs 0 <= baseMs <= maxMs and maxAttempts >= 0');
    }
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    if (typeof this.#WebSocket !== 'function') {
      throw new TypeError('no WebSocket implementation: use a browser or Node >= 22, run Node 20/21 with'
        + ' --experimental-websocket, or pass options.WebSocket (such as the ws package\'s WebSocket)');
    }
  }

  /** Whether a connection is open now. */
  get connected() {
    return this.#socket !== null && this.#socket.readyState === OPEN;
  }

  /** How many times a connection was opened: 1 after the first connect, plus one per reconnect. */
  get connectionCount() {
    return this.#connections;
  }

  /** Requests waiting for their final reply. */
  get inFlight() {
    let count = 0;
    for (const call of this.#calls.values()) {
      if (!call.target) {
        count++;
      }
    }
    return count;
  }

  /**
   * Calls `listener` with the `data` of every server event named `event` (`{"type":"event","event":…,"data":…}`);
   * returns a function that removes it. What a listener throws is reported, never breaks the client.
   */
  on(event, listener) {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new TypeError('on(event, listener) needs an event name and a function');
    }
    let listeners = this.#listeners.get(event);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(event, listeners);
    }
    const entry = (data) => listener(data);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  }

  /**
   * Opens the connection now (requests open it on demand). Rejects with a StreamerError: SERVICE_UNAVAILABLE when
   * the server cannot be reached or refuses the handshake (browsers do not say why; a bad token looks the same),
   * CANCELLED after `close()`.
   */
  connect() {
    if (this.#closed) {
      return Promise.reject(new StreamerError('CANCELLED', 'client closed'));
    }
    if (this.connected) {
      return Promise.resolve();
    }
    return this.#open().then(() => undefined);
  }

  /** request() without typings: for actions the generated typings do not know (see the .d.ts). */
  requestUntyped(action, payload = undefined, options = {}) {
    return this.request(action, payload, options);
  }

  /**
   * Sends `action` with `payload` (omitted when undefined or null). Resolves with the result's data;
   * rejects with a StreamerError: the server's error, TIMEOUT when no final reply came within the timeout,
   * SERVICE_UNAVAILABLE when the connection was lost before the request was acknowledged (it may or may not have
   * run), VALIDATION_ERROR when the message cannot be sent at all, CANCELLED after `close()`.
   *
   * options: onAck(requestId) when the request is queued; onProgress({progress, message, requestId}) with progress
   * from 0 to 1, never decreasing; timeoutMs to the final reply (default: the client's timeoutMs); rateLimitRetry
   * (default: the client's) to wait for `retry.after` and send again when refused with RATE_LIMITED.
   */
  async request(action, payload = undefined, options = {}) {
    if (typeof action !== 'string' || action.length === 0) {
      throw new TypeError('action must be a non-empty string');
    }
    const retry = rateLimitRetryOptions(options.rateLimitRetry, this.#options.rateLimitRetry);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#requestOnce(action, payload, options);
      } catch (e) {
        const waitMs = e instanceof StreamerError && e.code === 'RATE_LIMITED' && attempt <= retry.maxAttempts
          ? rateLimitWait(e) : null;
        if (waitMs === null || waitMs > retry.maxWaitMs || this.#closed) {
          throw e;
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }

  #requestOnce(action, payload, options) {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new StreamerError('CANCELLED', 'client closed'));
        return;
      }
      const id = `c-${++this.#nextId}`;
      const message = payload === undefined || payload === null ? { id, action } : { id, action, payload };
      let envelope;
      try {
        envelope = JSON.stringify(message);
      } catch (e) {
        reject(new StreamerError('VALIDATION_ERROR', `payload is not JSON: ${e.message}`));
        return;
      }
      if (encoder.encode(envelope).length > MAX_FRAME_BYTES) {
        // sent as one frame, it would close the connection for every request on it
        reject(new StreamerError('VALIDATION_ERROR',
          `message exceeds ${MAX_FRAME_BYTES} bytes, the largest frame API Gateway accepts`));
        return;
      }
      const call = {
        id, action, envelope, resolve, reject, target: null, requestId: null, sentOn: null, done: false,
        lastProgress: -1, onAck: options.onAck, onProgress: options.onProgress, timer: null,
      };
      const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs;
      call.timer = setTimeout(() => this.#fail(call, new StreamerError('TIMEOUT',
        `no final reply to ${action} within ${timeoutMs} ms`, { requestId: call.requestId })), timeoutMs);
      this.#calls.set(id, call);
      if (this.connected) {
        this.#send(call, this.#socket);
      } else {
        this.#ensureConnection();
      }
    });
  }

  /**
   * Built-in: status, latest progress and, once finished, the result or error of one of your requests. When this
   * client waits for that request, the reply also settles it (or reports its progress).
   */
  status(requestId, options) {
    return this.request('status', { requestId }, options);
  }

  /**
   * Built-in: cancels one of your requests (a queued one never runs; a running one is asked to stop). When this
   * client waits for that request and it is cancelled at once, its promise rejects with CANCELLED (the server sends
   * nothing else about a request that never ran).
   */
  cancel(requestId, options) {
    return this.request('cancel', { requestId }, options);
  }

  /** Fails every waiting request with CANCELLED and closes the connection. The client cannot be used again. */
  close() {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#stopHeartbeat();
    for (const call of [...this.#calls.values()]) {
      this.#fail(call, new StreamerError('CANCELLED', 'client closed', { requestId: call.requestId }));
    }
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null) {
      socket.close(1000, 'client closed');
    }
  }

  // ------------------------------------------------------------------ connection lifecycle

  #open() {
    if (this.#socket !== null) {
      return Promise.resolve(this.#socket);
    }
    if (this.#opening === null) {
      this.#opening = this.#handshake().then(
        (socket) => {
          this.#opening = null;
          if (this.#closed) {
            socket.close(1000, 'client closed');
            throw new StreamerError('CANCELLED', 'client closed');
          }
          this.#connected(socket);
          return socket;
        },
        (error) => {
          this.#opening = null;
          throw error;
        });
    }
    return this.#opening;
  }

  async #handshake() {
    const token = typeof this.#options.token === 'function' ? await this.#options.token() : this.#options.token;
    const url = new URL(this.#url);
    let protocols;
    if (token && this.#options.tokenIn === 'query') {
      url.searchParams.set('token', token);
    } else if (token) {
      protocols = ['streamer', token];
    }
    const where = `${this.#url.origin}${this.#url.pathname}`; // never the token
    if (url.href.length > MAX_URL_CHARS) { // API Gateway would refuse the handshake: say why
      throw new StreamerError('VALIDATION_ERROR', `the token makes the URL of ${where} longer than API Gateway's`
        + ` ${MAX_URL_CHARS} characters; use tokenIn: 'protocol'`);
    }
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = protocols ? new this.#WebSocket(url.href, protocols) : new this.#WebSocket(url.href);
      } catch (e) {
        reject(new StreamerError('SERVICE_UNAVAILABLE', `cannot connect to ${where}: ${e.message}`));
        return;
      }
      const timer = setTimeout(() => {
        socket.onopen = socket.onclose = socket.onerror = null;
        socket.close();
        reject(new StreamerError('SERVICE_UNAVAILABLE', `cannot connect to ${where}: no answer within`
          + ` ${this.#options.connectTimeoutMs} ms`));
      }, this.#options.connectTimeoutMs);
      const refused = () => {
        clearTimeout(timer);
        socket.onopen = socket.onclose = socket.onerror = null;
        reject(new StreamerError('SERVICE_UNAVAILABLE', `cannot connect to ${where}: the server is unreachable or`
          + ' refused the handshake (an invalid token is refused too)'));
      };
      // browsers fire error then close on a refused handshake; Node 20's WebSocket fires only error
      socket.onerror = refused;
      socket.onclose = refused;
      socket.onopen = () => {
        clearTimeout(timer);
        resolve(socket);
      };
    });
  }

  #connected(socket) {
    this.#socket = socket;
    this.#connections++;
    this.#reconnectAttempts = 0;
    this.#lastHeard = Date.now();
    socket.onmessage = (event) => this.#received(socket, event.data);
    socket.onclose = () => this.#lost(socket);
    socket.onerror = () => { // usually a close event follows; if the socket is closed already, none will
      if (socket.readyState === CLOSED) {
        this.#lost(socket);
      }
    };
    this.#startHeartbeat();
    for (const call of [...this.#calls.values()]) {
      if (call.done || call.target) {
        continue;
      }
      if (call.requestId !== null) {
        this.#subscribe(call, socket);
      } else if (call.sentOn === null) {
        this.#send(call, socket);
      }
    }
  }

  #lost(socket) {
    if (socket !== this.#socket) {
      return; // an older connection, already replaced or closed
    }
    this.#socket = null;
    this.#stopHeartbeat();
    for (const call of [...this.#calls.values()]) {
      if (call.done || call.sentOn !== socket) {
        continue;
      }
      if (call.target) {
        this.#finish(call); // its request is re-subscribed on the next connection
      } else if (call.requestId === null) {
        this.#fail(call, new StreamerError('SERVICE_UNAVAILABLE',
          'connection lost before the reply; the request may or may not have run'));
      }
    }
    if (!this.#closed) {
      this.#scheduleReconnect();
    }
  }

  #ensureConnection() {
    if (this.#socket !== null || this.#opening !== null || this.#reconnectTimer !== null || this.#closed) {
      return;
    }
    this.#open().catch((e) => this.#openFailed(e));
  }

  // A handshake the platform would refuse whatever happens (VALIDATION_ERROR) fails the waiting calls at once.
  #openFailed(error) {
    if (error instanceof StreamerError && error.code === 'VALIDATION_ERROR') {
      for (const call of [...this.#calls.values()]) {
        this.#fail(call, error);
      }
      return;
    }
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#closed || this.#reconnectTimer !== null || this.#opening !== null) {
      return;
    }
    if (this.inFlight === 0) {
      this.#reconnectAttempts = 0; // the server only speaks when asked: the next request reconnects
      return;
    }
    const { baseMs, maxMs, maxAttempts } = this.#options.reconnect;
    if (this.#reconnectAttempts >= maxAttempts) {
      this.#reconnectAttempts = 0; // the next request tries again
      for (const call of [...this.#calls.values()]) {
        this.#fail(call, new StreamerError('SERVICE_UNAVAILABLE', 'connection lost and not re-established',
          { requestId: call.requestId }));
      }
      return;
    }
    this.#reconnectAttempts++;
    const cap = Math.min(maxMs, baseMs * 2 ** Math.min(this.#reconnectAttempts - 1, 30));
    const delay = cap / 2 + Math.random() * (cap / 2); // between half and all of the capped backoff
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (this.#socket !== null || this.#closed) {
        return;
      }
      if (this.inFlight === 0) {
        this.#reconnectAttempts = 0;
        return;
      }
      this.#open().catch((e) => this.#openFailed(e));
    }, delay);
  }

  // ------------------------------------------------------------------ heartbeats

  // Browsers cannot send WebSocket pings. While a queued request waits and nothing was heard for heartbeatMs, the
  // client asks for its status: that keeps the connection from idling out (API Gateway: 10 minutes), and a reply
  // missing for heartbeatTimeoutMs means the connection is dead, so it is dropped and re-opened.
  #startHeartbeat() {
    this.#stopHeartbeat();
    const every = this.#options.heartbeatMs;
    if (every > 0) {
      this.#heartbeatTimer = setInterval(() => this.#heartbeat(), Math.max(50, Math.floor(every / 4)));
    }
  }

  #stopHeartbeat() {
    clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = null;
  }

  #heartbeat() {
    const socket = this.#socket;
    if (socket === null || Date.now() - this.#lastHeard < this.#options.heartbeatMs) {
      return;
    }
    let queued = null;
    for (const call of this.#calls.values()) {
      if (call.target) {
        if (call.kind === 'heartbeat' && !call.done) {
          return; // one probe at a time
        }
      } else if (queued === null && call.requestId !== null) {
        queued = call;
      }
    }
    if (queued === null) {
      return;
    }
    this.#probe(queued, socket, 'status', 'heartbeat', this.#options.heartbeatTimeoutMs, () => {
      if (this.#socket === socket) {
        socket.onclose = null;
        socket.close(4000, 'heartbeat timeout');
        this.#lost(socket);
      }
    });
  }

  // ------------------------------------------------------------------ requests

  #send(call, socket) {
    call.sentOn = socket;
    try {
      socket.send(call.envelope);
    } catch {
      // the socket is closing: its close event decides the request's fate
    }
  }

  #subscribe(target, socket) {
    this.#probe(target, socket, 'subscribe', 'subscribe', this.#options.timeoutMs, () => {});
  }

  /** Sends a built-in about `target` (`subscribe`, or `status` as a heartbeat). */
  #probe(target, socket, action, kind, timeoutMs, onTimeout) {
    const id = `${kind === 'heartbeat' ? 'h' : 's'}-${++this.#nextId}`;
    const probe = {
      id, action, target, kind, requestId: null, sentOn: null, done: false, timer: null,
      envelope: JSON.stringify({ id, action, payload: { requestId: target.requestId } }),
    };
    probe.timer = setTimeout(() => {
      this.#finish(probe);
      onTimeout();
    }, timeoutMs);
    this.#calls.set(id, probe);
    this.#send(probe, socket);
  }

  #received(socket, data) {
    if (socket !== this.#socket) {
      return;
    }
    this.#lastHeard = Date.now();
    if (typeof this.#options.onMessage === 'function') {
      this.#callback(this.#options.onMessage, data);
    }
    if (typeof data !== 'string') {
      return; // the protocol is text only
    }
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message === null || typeof message !== 'object' || typeof message.type !== 'string') {
      return;
    }
    if (message.type === 'event') {
      for (const listener of [...(this.#listeners.get(message.event) ?? [])]) {
        this.#callback(listener, message.data ?? null);
      }
      return;
    }
    let call = typeof message.id === 'string' ? this.#calls.get(message.id) : undefined;
    if (call === undefined && typeof message.requestId === 'string') {
      call = this.#byRequestId.get(message.requestId);
    }
    if (call === undefined || call.done) {
      return; // a late message of a finished request
    }
    if (call.target) {
      this.#probed(call, message);
      return;
    }
    if (typeof message.requestId === 'string' && call.requestId === null) {
      call.requestId = message.requestId;
      this.#byRequestId.set(call.requestId, call);
      if (message.type === 'ack' && typeof call.onAck === 'function') {
        this.#callback(call.onAck, call.requestId);
      }
    }
    switch (message.type) {
      case 'progress':
        this.#progress(call, message.progress, message.message);
        break;
      case 'result':
        this.#complete(call, message.data ?? null);
        if (call.action === 'status' || call.action === 'cancel') {
          this.#statusOf(message.data); // it may settle a request this client waits for
        }
        break;
      case 'error':
        this.#fail(call, StreamerError.fromWire(message.error, message.requestId ?? call.requestId));
        break;
      default: // ack: handled above; unknown types are ignored for forward compatibility
    }
  }

  /** The reply to a subscribe or heartbeat status: the request's state, maybe its outcome. */
  #probed(probe, message) {
    this.#finish(probe);
    const target = probe.target;
    if (target.done) {
      return;
    }
    if (message.type === 'error') {
      this.#fail(target, StreamerError.fromWire(message.error, target.requestId));
    } else if (message.type === 'result') {
      this.#apply(target, message.data);
    }
  }

  /** A status or cancel reply about a request this client waits for: settles it, or reports its progress. */
  #statusOf(status) {
    const waiting = status !== null && typeof status === 'object' && typeof status.requestId === 'string'
      ? this.#byRequestId.get(status.requestId) : undefined;
    if (waiting !== undefined && !waiting.target && !waiting.done) {
      this.#apply(waiting, status);
    }
  }

  #apply(call, status) {
    if (status === null || typeof status !== 'object') {
      return;
    }
    if (status.status === 'COMPLETED') {
      this.#complete(call, status.result ?? null);
    } else if (status.status === 'FAILED' || status.status === 'CANCELLED') {
      this.#fail(call, status.error
        ? StreamerError.fromWire(status.error, call.requestId)
        : new StreamerError(status.status === 'CANCELLED' ? 'CANCELLED' : 'INTERNAL_ERROR',
          `request ${status.status.toLowerCase()}`, { requestId: call.requestId }));
    } else if (typeof status.progress === 'number') {
      this.#progress(call, status.progress, status.message);
    }
  }

  #progress(call, progress, message) {
    if (typeof progress !== 'number' || Number.isNaN(progress) || progress <= call.lastProgress) {
      return; // never backwards
    }
    call.lastProgress = progress;
    if (typeof call.onProgress === 'function') {
      this.#callback(call.onProgress, { progress, message: message ?? null, requestId: call.requestId });
    }
  }

  #complete(call, data) {
    if (!call.done) {
      this.#finish(call);
      call.resolve(data);
    }
  }

  #fail(call, error) {
    if (!call.done) {
      this.#finish(call);
      if (call.reject) {
        call.reject(error);
      }
    }
  }

  #finish(call) {
    call.done = true;
    clearTimeout(call.timer);
    this.#calls.delete(call.id);
    if (call.requestId !== null && this.#byRequestId.get(call.requestId) === call) {
      this.#byRequestId.delete(call.requestId);
    }
  }

  /** Runs a user callback; what it throws is reported (browsers: reportError; else console.error), never breaks the client. */
  #callback(fn, argument) {
    try {
      fn(argument);
    } catch (e) {
      if (typeof globalThis.reportError === 'function') {
        globalThis.reportError(e);
      } else {
        console.error('streamer client: a callback threw', e);
      }
    }
  }
}
