// ---------------------------------------------------------------------------------------------------------------
// Streamer client runtime: the same in every generated client.
// ---------------------------------------------------------------------------------------------------------------

/** Retry semantics of an error. */
export interface RetryInfo {
  retryable: boolean;
  /** Earliest time to retry (ISO-8601). */
  after?: string;
  maxTries?: number;
  attempt?: number;
}

/** A failed request: the server's typed error, or one the client raised (TIMEOUT, SERVICE_UNAVAILABLE, CANCELLED). */
export declare class StreamerError extends Error {
  constructor(code: ErrorCode, message: string,
      init?: { details?: Record<string, unknown>; retry?: RetryInfo; requestId?: string | null });
  readonly name: 'StreamerError';
  readonly code: ErrorCode;
  /** VALIDATION_ERROR: `violations` ({path, constraint, message}[]) or `path`; empty otherwise. */
  readonly details: Record<string, unknown>;
  readonly retry: RetryInfo;
  /** The server's id of the request, when it had one. */
  readonly requestId: string | null;
  readonly retryable: boolean;
  static fromWire(error: unknown, requestId: string | null): StreamerError;
}

/** One progress report of a queued request. */
export interface ProgressUpdate {
  /** From 0 to 1, never decreasing. */
  progress: number;
  message: string | null;
  requestId: string;
}

export interface RequestOptions {
  /** The request was queued: progress and the result follow. */
  onAck?: (requestId: string) => void;
  onProgress?: (update: ProgressUpdate) => void;
  /** Time to the final reply; acknowledgment and progress do not extend it. Default: the client's timeoutMs. */
  timeoutMs?: number;
  /** Overrides the client's rateLimitRetry for this request. */
  rateLimitRetry?: RateLimitRetryOptions | false;
}

/**
 * Waiting out RATE_LIMITED: a refused request is sent again at its error's `retry.after` (plus a little jitter),
 * at most maxAttempts more times, and only when that is at most maxWaitMs away; otherwise the error is thrown.
 */
export interface RateLimitRetryOptions {
  /** Extra attempts after a RATE_LIMITED refusal. Default 0: off. */
  maxAttempts?: number;
  /** Longest wait accepted for one retry. Default 60000. */
  maxWaitMs?: number;
}

export interface ReconnectOptions {
  /** First delay; it doubles per attempt up to maxMs, each a random time between half and all of it. Default 250. */
  baseMs?: number;
  /** Default 30000. */
  maxMs?: number;
  /** Attempts in a row before waiting requests fail with SERVICE_UNAVAILABLE. Default Infinity. */
  maxAttempts?: number;
}

/** A WebSocket constructor: the browser's, Node's global one, or the ws package's (typed loosely: no DOM lib needed). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => object;

export interface ClientOptions {
  /** The JWT, or a function returning it (asked again on every reconnect). */
  token?: string | (() => string | Promise<string>);
  /**
   * 'query' (default): `?token=<jwt>`, for tokens that keep the URL within API Gateway's 4096 characters (a longer URL
   * fails `connect()` and waiting requests with VALIDATION_ERROR); 'protocol': `Sec-WebSocket-Protocol: streamer, <jwt>`.
   */
  tokenIn?: 'query' | 'protocol';
  /** Default time to a request's final reply. Default 120000. */
  timeoutMs?: number;
  /** Default 10000. */
  connectTimeoutMs?: number;
  /** Silence after which a waiting queued request's status is asked (a heartbeat); 0 disables. Default 300000. */
  heartbeatMs?: number;
  /** A heartbeat unanswered this long drops and re-opens the connection. Default 30000. */
  heartbeatTimeoutMs?: number;
  /** Reconnect settings, or false to never reconnect by itself. */
  reconnect?: ReconnectOptions | false;
  /** Wait for `retry.after` and send again when a request is refused with RATE_LIMITED. Default: off. */
  rateLimitRetry?: RateLimitRetryOptions | false;
  /** Default: globalThis.WebSocket (browsers, Node >= 22; Node 20/21 with --experimental-websocket). */
  WebSocket?: WebSocketConstructor;
  /** Hears every message received, raw (logging, debugging). */
  onMessage?: (data: unknown) => void;
}

/** Payload of the built-ins status, subscribe and cancel. */
export interface RequestRef {
  requestId: string;
}

/** A request's state, as the built-ins answer it. */
export interface RequestStatus {
  requestId: string;
  action: string;
  status: RequestStatusName;
  progress?: number;
  message?: string;
  /** The result's data, once COMPLETED. */
  result?: unknown;
  /** Once FAILED or CANCELLED. */
  error?: { code: ErrorCode; message: string };
  createdAt?: string;
  started?: string;
  ended?: string;
  retryCount: number;
  maxRetries: number;
  retryAfter?: string;
  cancelRequested?: boolean;
  /** While a PENDING job waits for its tenant's running cap: its place (1: next), running jobs, cap, reason. */
  queue?: { position: number; running: number; cap: number; reason: string };
}

export interface CancelResult extends RequestStatus {
  outcome: CancelOutcome;
}

/** A client of a Streamer WebSocket API; see the generated subclass for typed methods. */
export declare class StreamerClient {
  constructor(url: string | URL, options?: ClientOptions);
  readonly connected: boolean;
  readonly connectionCount: number;
  readonly inFlight: number;
  connect(): Promise<void>;
  request(action: string, payload?: unknown, options?: RequestOptions): Promise<unknown>;
  /**
   * Any action name and payload, unchecked: the escape hatch for actions this client's typings do not know (a newer
   * server). A generated client's request() accepts only its own actions, each with exactly its payload type.
   */
  requestUntyped(action: string, payload?: unknown, options?: RequestOptions): Promise<unknown>;
  /** Built-in status; when this client waits for that request, the reply also settles it or reports progress. */
  status(requestId: string, options?: RequestOptions): Promise<RequestStatus>;
  /** Built-in cancel; a request cancelled at once (it was queued) also rejects its waiting promise with CANCELLED. */
  cancel(requestId: string, options?: RequestOptions): Promise<CancelResult>;
  /** Calls listener with the data of every server event named event; returns a function that stops it. */
  on(event: string, listener: (data: unknown) => void): () => void;
  close(): void;
}
