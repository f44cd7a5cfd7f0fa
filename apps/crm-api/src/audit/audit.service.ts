import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { HistoryPage, StateAt } from '@crm/composition';
import { CustomerAudit, parseAuditPoint } from '@crm/composition';
import type { EventStore, Upcaster } from '@crm/eventsourcing';
import { EVENT_STORE } from '@crm/eventsourcing';
import { RequestValidationError, UPCASTERS } from '@crm/platform';

/** The HTTP face of CustomerAudit: 404 for a customer without history, 400 for a bad `at`. */
@Injectable()
export class AuditService {
  private readonly audit: CustomerAudit;

  constructor(@Inject(EVENT_STORE) events: EventStore, @Inject(UPCASTERS) upcaster: Upcaster) {
    this.audit = new CustomerAudit(events, upcaster);
  }

  async history(customerId: string, limit: number, cursor: number): Promise<HistoryPage> {
    const page = await this.audit.history(customerId, limit, cursor);
    if (!page) throw new NotFoundException(`customer ${customerId} has no history`);
    return page;
  }

  async stateAt(customerId: string, at: string): Promise<StateAt> {
    const point = parseAuditPoint(at);
    if (!point)
      throw new RequestValidationError([
        { field: 'at', rule: 'isIso8601', message: 'at is not a valid time' },
      ]);
    const state = await this.audit.stateAt(customerId, at, point);
    if (!state) throw new NotFoundException(`customer ${customerId} had no history at ${at}`);
    return state;
  }
}
