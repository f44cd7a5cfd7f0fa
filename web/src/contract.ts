/**
 * Response types from the generated client (`npm run openapi` writes them from the same
 * document every e2e response is validated against), so a panel reads what the API documents
 * rather than a hand-written copy. A type-only import: nothing of libs/ reaches the bundle.
 */
import type { components } from '../../libs/client/src/openapi.generated';

type Schemas = components['schemas'];

export type PredictedValueModel = Schemas['PredictedValueModelResponse'];
export type PredictedValuePage = Schemas['PredictedValuePageResponse'];
export type PredictedCustomer = Schemas['PredictedCustomerResponse'];
export type PredictedValueBacktest = Schemas['PredictedValueBacktestResponse'];
export type PAliveBin = Schemas['PAliveBinResponse'];

export type ActivityPage = Schemas['ActivityPageResponse'];
export type Activity = Schemas['ActivityResponse'];

export type PipelineBoard = Schemas['PipelineBoardResponse'];
export type PipelineFigures = Schemas['PipelineFiguresResponse'];
export type StageFigures = Schemas['StageFiguresResponse'];
export type CurrencyFigures = Schemas['CurrencyFiguresResponse'];
export type PipelineForecast = Schemas['PipelineForecastResponse'];
export type CurrencyForecast = Schemas['CurrencyForecastResponse'];
