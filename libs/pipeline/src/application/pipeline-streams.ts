import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, Upcaster } from '@crm/eventsourcing';
import { DomainErrorException, EVENT_STORE, fold } from '@crm/eventsourcing';
import { UPCASTERS } from '@crm/platform';
import type { ExistingOpportunity, OpportunityEvent } from '../domain/opportunity';
import { opportunityStreamId } from '../domain/opportunity';
import { opportunityDecider } from '../domain/opportunity.decider';
import { opportunityErrors } from '../domain/opportunity.errors';
import type { PipelineEvent } from '../domain/pipeline';
import { pipelineStreamId } from '../domain/pipeline';
import type { PipelineDefinition } from '../domain/pipeline-definition';
import { pipelineDecider } from '../domain/pipeline.decider';
import { pipelineErrors } from '../domain/pipeline.errors';

/**
 * What a command needs to know beyond its own stream, read from the log (never from a read
 * model, which may be behind): the pipeline definition in force, and an opportunity's facts.
 */
@Injectable()
export class PipelineStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(UPCASTERS) private readonly upcaster: Upcaster,
  ) {}

  /** 404 when the pipeline was never defined. */
  async definitionInForce(pipelineId: string): Promise<PipelineDefinition> {
    const recorded = await this.events.readStream(pipelineStreamId(pipelineId));
    const state = fold(
      pipelineDecider,
      recorded.map((e) => this.upcaster.upcast(e) as unknown as PipelineEvent),
    );
    if (state.status === 'none')
      throw new DomainErrorException(pipelineErrors.notFound(pipelineId));
    const { version, name, stages } = state;
    return { pipelineId, version, name, stages };
  }

  /** 404 when the opportunity was never opened. */
  async opportunity(opportunityId: string): Promise<ExistingOpportunity> {
    const recorded = await this.events.readStream(opportunityStreamId(opportunityId));
    const state = fold(
      opportunityDecider,
      recorded.map((e) => this.upcaster.upcast(e) as unknown as OpportunityEvent),
    );
    if (state.status === 'none') {
      throw new DomainErrorException(opportunityErrors.notFound(opportunityId));
    }
    return state;
  }

  /** The definition in force for the pipeline the opportunity is in. */
  async pipelineOf(opportunityId: string): Promise<PipelineDefinition> {
    return this.definitionInForce((await this.opportunity(opportunityId)).pipelineId);
  }
}
