import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { sandboxProvider } from './sandbox-data.js';

/** A webhook subscription (`WebhookSubscription`). */
export interface WebhookSubscription {
  subscription_id: string;
  url: string;
  event_types: string[];
  created_at: string;
}

/** An event as delivered: the envelope every OSIGU webhook shares, with its payload. */
export interface WebhookEvent {
  event_id: string;
  event_type: string;
  created_at: string;
  api_version: string;
  environment: 'sandbox';
  provider: typeof sandboxProvider;
  data: Record<string, unknown>;
}

/** One delivery attempt, as tests observe it. */
export interface DeliveryAttempt {
  event_id: string;
  event_type: string;
  subscription_id: string;
  url: string;
  /** 1 for the first delivery, 2 for the first redelivery, … */
  attempt: number;
  /** When the attempt was made, in milliseconds since the epoch. */
  at: number;
  /** `delivered` on a 2xx; `failed` on any other status, a timeout or a connection error. */
  outcome: 'delivered' | 'failed';
  /** The receiver's status, when it answered. */
  status?: number;
  /** Why the attempt failed without a status (timeout, refused connection, TLS). */
  error?: string;
  /** When the next attempt is due; absent once delivered or given up. */
  nextAttemptAt?: number;
}

/** How redelivery backs off: `initialDelay × factor^(attempt − 1)`, capped, until `giveUpAfter` since the first attempt. */
export interface RedeliveryPolicy {
  initialDelayMilliseconds: number;
  factor: number;
  maxDelayMilliseconds: number;
  giveUpAfterMilliseconds: number;
}

/** OSIGU's documented delivery: exponential backoff for 72 h (O-wh); the first redelivery after a minute is assumed. */
export const documentedRedeliveryPolicy: RedeliveryPolicy = {
  initialDelayMilliseconds: 60_000,
  factor: 2,
  maxDelayMilliseconds: 6 * 60 * 60_000,
  giveUpAfterMilliseconds: 72 * 60 * 60_000,
};

/** Settings of {@link WebhookDelivery}. */
export interface WebhookDeliverySettings {
  /** The signing secrets; each signs every delivery (several `v1=` values, as during a key rotation). */
  signingSecrets: readonly string[];
  redelivery: RedeliveryPolicy;
  /** How long a receiver has to answer; OSIGU documents 10 s. */
  timeoutMilliseconds: number;
  /** Extra certificate authorities to trust for HTTPS receivers (e.g. a test's self-signed certificate). */
  trustedCertificates: readonly string[];
  /** Checks an event against the spec before it is sent; returns what is off-spec. */
  checkEvent: (event: WebhookEvent) => string[];
  /** Told about every off-spec event. */
  onSpecViolation: (problem: string) => void;
  onLog: (line: string) => void;
}

/** Whether a subscription's `event_types` (exact types, `family.*` or `*`) covers `eventType`. */
export function subscribesTo(eventTypes: readonly string[], eventType: string): boolean {
  const family = eventType.split('.')[0];
  return eventTypes.some((pattern) => pattern === '*' || pattern === eventType || pattern === `${family}.*`);
}

/**
 * Subscriptions and at-least-once delivery, as OSIGU documents it (O-wh): each event is POSTed to every subscription
 * that covers its type, signed `X-Osigu-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">`, over HTTPS without
 * following redirects; any answer but a 2xx within the timeout is retried with exponential backoff, re-signed with a
 * fresh timestamp and the same `event_id`.
 */
export class WebhookDelivery {
  readonly #settings: WebhookDeliverySettings;
  readonly #subscriptions = new Map<string, WebhookSubscription>();
  readonly #attempts: DeliveryAttempt[] = [];
  readonly #events: WebhookEvent[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #listeners = new Set<(attempt: DeliveryAttempt) => void>();
  readonly #agent: Agent;
  #stopped = false;

  constructor(settings: WebhookDeliverySettings) {
    this.#settings = settings;
    this.#agent = new Agent({
      connect: settings.trustedCertificates.length > 0 ? { ca: [...settings.trustedCertificates] } : {},
      headersTimeout: settings.timeoutMilliseconds,
      bodyTimeout: settings.timeoutMilliseconds,
    });
  }

  /** Adds a subscription. */
  subscribe(url: string, eventTypes: string[]): WebhookSubscription {
    const subscription = { subscription_id: `whs_${randomUUID()}`, url, event_types: eventTypes, created_at: new Date().toISOString() };
    this.#subscriptions.set(subscription.subscription_id, subscription);
    return subscription;
  }

  /** The subscriptions, oldest first. */
  subscriptions(): WebhookSubscription[] {
    return [...this.#subscriptions.values()];
  }

  /** Removes a subscription; `false` when there was none. Deliveries under way to it stop. */
  unsubscribe(subscriptionId: string): boolean {
    return this.#subscriptions.delete(subscriptionId);
  }

  /** Every event published so far, oldest first. */
  events(): WebhookEvent[] {
    return [...this.#events];
  }

  /** Every delivery attempt so far, oldest first. */
  attempts(): DeliveryAttempt[] {
    return [...this.#attempts];
  }

  /** Calls `listener` after each delivery attempt; returns the function that stops it. */
  onAttempt(listener: (attempt: DeliveryAttempt) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Builds an event of `eventType` and delivers it to every subscription that covers it. */
  publish(eventType: string, data: Record<string, unknown>): WebhookEvent {
    const event: WebhookEvent = {
      event_id: `evt_${randomUUID()}`,
      event_type: eventType,
      created_at: new Date().toISOString(),
      api_version: '2026-01-01',
      environment: 'sandbox',
      provider: sandboxProvider,
      data,
    };
    for (const problem of this.#settings.checkEvent(event)) this.#settings.onSpecViolation(problem);
    this.#events.push(event);
    const body = JSON.stringify(event);
    for (const subscription of this.#subscriptions.values()) {
      if (subscribesTo(subscription.event_types, eventType)) void this.#attempt(event, body, subscription, 1, Date.now());
    }
    return event;
  }

  /** Cancels pending redeliveries and closes connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await this.#agent.close();
  }

  /** The header value for `body` signed now under every secret. */
  signature(body: string, timestamp = Math.floor(Date.now() / 1000)): string {
    const signatures = this.#settings.signingSecrets.map(
      (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
    );
    return `t=${timestamp},${signatures.join(',')}`;
  }

  async #attempt(event: WebhookEvent, body: string, subscription: WebhookSubscription, attempt: number, firstAt: number): Promise<void> {
    if (this.#stopped || !this.#subscriptions.has(subscription.subscription_id)) return;
    const record: DeliveryAttempt = {
      event_id: event.event_id,
      event_type: event.event_type,
      subscription_id: subscription.subscription_id,
      url: subscription.url,
      attempt,
      at: Date.now(),
      outcome: 'failed',
    };
    try {
      const answer = await request(subscription.url, {
        method: 'POST',
        dispatcher: this.#agent,
        headers: {
          'content-type': 'application/json',
          'x-osigu-signature': this.signature(body),
          'user-agent': 'OSIGU-Webhooks (Coverlink simulator)',
        },
        body,
        signal: AbortSignal.timeout(this.#settings.timeoutMilliseconds),
      });
      // Read to the end so the connection can be reused; the content does not matter.
      await answer.body.dump();
      record.status = answer.statusCode;
      if (answer.statusCode >= 200 && answer.statusCode < 300) record.outcome = 'delivered';
    } catch (error) {
      record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (this.#stopped) return;
    if (record.outcome === 'failed') {
      const policy = this.#settings.redelivery;
      const delay = Math.min(policy.initialDelayMilliseconds * policy.factor ** (attempt - 1), policy.maxDelayMilliseconds);
      if (Date.now() + delay - firstAt <= policy.giveUpAfterMilliseconds) {
        record.nextAttemptAt = Date.now() + delay;
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          void this.#attempt(event, body, subscription, attempt + 1, firstAt);
        }, delay);
        this.#timers.add(timer);
      }
    }
    this.#settings.onLog(
      `webhook ${event.event_type} ${event.event_id} to ${subscription.subscription_id}, attempt ${attempt}: ${record.outcome}` +
        (record.status === undefined ? ` (${record.error})` : ` (${record.status})`) +
        (record.nextAttemptAt === undefined ? '' : `, next attempt in ${record.nextAttemptAt - Date.now()} ms`),
    );
    this.#attempts.push(record);
    for (const listener of this.#listeners) listener(record);
  }
}
