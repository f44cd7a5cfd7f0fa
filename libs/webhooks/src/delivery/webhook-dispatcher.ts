import type { DocumentStore } from '@crm/documents';
import { CheckpointMovedError } from '@crm/documents';
import type { EventStore, ProjectorLogger, Upcaster } from '@crm/eventsourcing';
import { identityUpcaster } from '@crm/eventsourcing';
import type { PiiProtection } from '@crm/security/pii';
import type { EndpointDocument } from '../store/webhook.documents';
import {
  ENDPOINTS_COLLECTION,
  WEBHOOK_COLLECTIONS,
  leaseCheckpoint,
} from '../store/webhook.documents';
import type { WebhookSettings } from '../webhook-settings';
import { defaultWebhookSettings, withLease } from '../webhook-settings';
import { EndpointLease, leaseNonce } from './endpoint-lease';
import { EndpointWorker } from './endpoint-worker';
import type { WebhookTransport } from './webhook-transport';
import { httpTransport } from './webhook-transport';
import { WebhookTargetPolicy } from './webhook-target';

export type WebhookDispatcherOptions = {
  events: EventStore;
  documents: DocumentStore;
  /** Reveals personal data for endpoints registered with it (the platform's PiiProtection). */
  pii: Pick<PiiProtection, 'revealDeep'>;
  /** The composition's upcasters: endpoints receive events in their current shape. */
  upcaster?: Upcaster;
  settings?: Partial<WebhookSettings>;
  logger?: ProjectorLogger;
  transport?: WebhookTransport;
  /** Which receivers may be reached; by default from the settings' WEBHOOK_ALLOW_* switches. */
  targets?: WebhookTargetPolicy;
  clock?: () => number;
  random?: () => number;
  /**
   * Exclusive claims shared by every dispatcher (PostgreSQL advisory locks). A claim ends with
   * its holder's process, so an endpoint whose dispatcher died is taken over on the next poll
   * instead of when its lease expires; the lease stays the guard on every commit.
   */
  claims?: EndpointClaims;
};

export type EndpointClaims = {
  /** Takes the endpoint if no live process holds it; true if this process holds it now. */
  claim(endpointId: string): Promise<boolean>;
  holds(endpointId: string): boolean;
  release(endpointId: string): Promise<void>;
};

export type EndpointDispatchStatus = {
  endpointId: string;
  state: 'running' | 'backing-off';
  lastError?: string;
};

const silent: ProjectorLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Longest pause of a worker whose store is down. */
const MAX_STORE_BACKOFF_MS = 5000;

/**
 * Delivers webhooks: finds the registered endpoints, takes the lease of each endpoint no other
 * dispatcher holds, and runs a worker per leased endpoint until it stops, loses the lease or
 * the endpoint is deleted. Start it wherever projectors run (crm-api with RUN_PROJECTORS, or
 * crm-projector); several instances share the endpoints between them.
 */
export class WebhookDispatcher {
  private readonly settings: WebhookSettings;
  private readonly logger: ProjectorLogger;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly nonce: number;
  private readonly workers = new Map<
    string,
    { loop: Promise<void>; status: EndpointDispatchStatus }
  >();
  private controller = new AbortController();
  private supervisor: Promise<void> | null = null;

  private targets(): WebhookTargetPolicy {
    const { allowLoopback, allowPrivateNetworks } = this.settings;
    return this.options.targets ?? new WebhookTargetPolicy({ allowLoopback, allowPrivateNetworks });
  }

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.settings = withLease({ ...defaultWebhookSettings, ...options.settings });
    this.logger = options.logger ?? silent;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.nonce = leaseNonce(this.random);
  }

  async start(): Promise<void> {
    if (this.supervisor) return;
    this.controller = new AbortController();
    this.supervisor = this.supervise(this.controller.signal);
  }

  /** Lets requests in flight finish (up to the timeout) and be recorded, then hands the leases back. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.supervisor;
    this.supervisor = null;
    await Promise.allSettled([...this.workers.values()].map((worker) => worker.loop));
  }

  /** The endpoints this instance is working right now. */
  status(): EndpointDispatchStatus[] {
    return [...this.workers.values()].map((worker) => ({ ...worker.status }));
  }

  private async supervise(signal: AbortSignal): Promise<void> {
    const { documents } = this.options;
    let ready = false;
    while (!signal.aborted) {
      try {
        if (!ready) {
          for (const collection of WEBHOOK_COLLECTIONS)
            await documents.ensureCollection(collection);
          ready = true;
        }
        const endpoints = await documents.find<EndpointDocument>(
          ENDPOINTS_COLLECTION,
          {},
          { sort: { createdAt: 1 }, limit: 10_000 },
        );
        for (const endpoint of endpoints.items) {
          if (signal.aborted) break;
          if (!this.workers.has(endpoint._id)) await this.tryStart(endpoint._id, signal);
        }
      } catch (error) {
        this.logger.error('webhook dispatcher cannot list endpoints; retrying', {
          error: message(error),
        });
      }
      await sleep(this.settings.pollIntervalMs, signal);
    }
  }

  private async tryStart(endpointId: string, signal: AbortSignal): Promise<void> {
    const { documents } = this.options;
    const lease = new EndpointLease(
      documents,
      endpointId,
      this.settings.leaseMs,
      this.nonce,
      this.clock,
    );
    const { claims } = this.options;
    if (claims && !(await claims.claim(endpointId))) return;
    // Holding the claim means the lease's last holder is gone: its lease need not expire.
    if (!(await lease.hold(claims !== undefined))) return;
    const worker = new EndpointWorker(endpointId, {
      events: this.options.events,
      documents,
      pii: this.options.pii,
      upcaster: this.options.upcaster ?? identityUpcaster,
      transport: this.options.transport ?? httpTransport(this.targets(), this.clock),
      settings: this.settings,
      clock: this.clock,
      random: this.random,
    });
    const status: EndpointDispatchStatus = { endpointId, state: 'running' };
    const loop = this.run(worker, lease, status, signal).finally(() =>
      this.workers.delete(endpointId),
    );
    this.workers.set(endpointId, { loop, status });
    this.logger.info('webhook endpoint taken', { endpointId });
  }

  private async run(
    worker: EndpointWorker,
    lease: EndpointLease,
    status: EndpointDispatchStatus,
    signal: AbortSignal,
  ): Promise<void> {
    let failures = 0;
    let gone = false;
    try {
      while (!signal.aborted) {
        try {
          const { claims } = this.options;
          if (claims && !claims.holds(worker.endpointId)) return;
          if (!(await lease.hold(claims !== undefined))) return;
          if (!(await worker.refresh())) {
            gone = true;
            return;
          }
          const busy = await worker.tick();
          failures = 0;
          status.state = 'running';
          delete status.lastError;
          if (!busy) await sleep(this.settings.pollIntervalMs, signal);
        } catch (error) {
          worker.invalidate();
          if (signal.aborted) return;
          if (error instanceof CheckpointMovedError) continue;
          failures += 1;
          status.state = 'backing-off';
          status.lastError = message(error);
          const delay = Math.min(MAX_STORE_BACKOFF_MS, 100 * 2 ** Math.min(failures, 10));
          this.logger.error('webhook worker failed; retrying', {
            endpointId: worker.endpointId,
            error: status.lastError,
            retryInMs: delay,
          });
          await sleep(delay, signal);
        }
      }
    } finally {
      await this.letGo(lease, worker.endpointId, gone);
    }
  }

  private async letGo(lease: EndpointLease, endpointId: string, gone: boolean): Promise<void> {
    try {
      if (gone) await this.options.documents.deleteCheckpoint(leaseCheckpoint(endpointId));
      else await lease.release();
    } catch (error) {
      this.logger.warn('webhook lease not released; it expires by itself', {
        endpointId,
        error: message(error),
      });
    }
    await this.options.claims?.release(endpointId);
  }
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
