import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ReadModelFreshness, RequestValidationError } from '@crm/platform';
import type { Backtest } from './backtest';
import { DEFAULT_HORIZON_DAYS, MAX_HOLDOUT_DAYS } from './predicted-value.dto';
import {
  GetPredictedValueBacktestQuery,
  GetPredictedValueModelQuery,
  ListPredictedValuesQuery,
} from './predicted-value.queries';
import { modelReport, predictedValuePage } from './predicted-value.report';
import { predictedValueModelsOf } from './predicted-value.service';
import { PURCHASES_PROJECTION, utcDayOf } from './purchases.document';

const refuse = (field: string, rule: string, message: string): never => {
  throw new RequestValidationError([{ field, rule, message }]);
};

/** A day parameter's UTC day; one after today is refused (nothing is known of it yet). */
const dayOf = (field: string, value: string, today: number): number => {
  const day = utcDayOf(new Date(value));
  if (day > today) refuse(field, 'isNotAfterToday', `${field} must not be after today (UTC)`);
  return day;
};

abstract class PredictedValueHandler {
  constructor(
    @Inject(DOCUMENT_STORE) protected readonly documents: DocumentStore,
    protected readonly freshness: ReadModelFreshness,
  ) {}

  protected async models(minPosition: number | undefined) {
    await this.freshness.ensure([PURCHASES_PROJECTION], minPosition);
    return predictedValueModelsOf(this.documents);
  }
}

@QueryHandler(GetPredictedValueModelQuery)
export class GetPredictedValueModelHandler
  extends PredictedValueHandler
  implements IQueryHandler<GetPredictedValueModelQuery>
{
  async execute({ query, minPosition }: GetPredictedValueModelQuery) {
    const models = await this.models(minPosition);
    const asOfDay =
      query.asOf === undefined ? undefined : dayOf('asOf', query.asOf, models.today());
    const model = await models.model({ asOfDay, unit: query.unit ?? 'week' }, minPosition);
    return modelReport(model, query.currency);
  }
}

@QueryHandler(ListPredictedValuesQuery)
export class ListPredictedValuesHandler
  extends PredictedValueHandler
  implements IQueryHandler<ListPredictedValuesQuery>
{
  async execute({ query, minPosition }: ListPredictedValuesQuery) {
    if (
      query.minPAlive !== undefined &&
      query.maxPAlive !== undefined &&
      query.minPAlive > query.maxPAlive
    )
      refuse('maxPAlive', 'isNotBelowField', 'maxPAlive must not be below minPAlive');
    const models = await this.models(minPosition);
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const ranking = await models.ranking(horizonDays, minPosition);
    return predictedValuePage(ranking, models.today(), horizonDays, {
      ...query,
      limit: query.limit ?? 50,
    });
  }
}

@QueryHandler(GetPredictedValueBacktestQuery)
export class GetPredictedValueBacktestHandler
  extends PredictedValueHandler
  implements IQueryHandler<GetPredictedValueBacktestQuery>
{
  async execute({ query, minPosition }: GetPredictedValueBacktestQuery): Promise<Backtest> {
    const models = await this.models(minPosition);
    const today = models.today();
    const calibrationEnd = dayOf('calibrationEnd', query.calibrationEnd, today);
    const holdoutEnd = dayOf('holdoutEnd', query.holdoutEnd, today);
    if (holdoutEnd <= calibrationEnd)
      refuse('holdoutEnd', 'isAfterField', 'holdoutEnd must be a day after calibrationEnd');
    if (holdoutEnd - calibrationEnd > MAX_HOLDOUT_DAYS)
      refuse(
        'holdoutEnd',
        'maxDaysAfterField',
        `holdoutEnd must be at most ${MAX_HOLDOUT_DAYS} days after calibrationEnd`,
      );
    return models.backtest(calibrationEnd, holdoutEnd, minPosition);
  }
}

export const predictedValueQueryHandlers = [
  GetPredictedValueModelHandler,
  ListPredictedValuesHandler,
  GetPredictedValueBacktestHandler,
];
