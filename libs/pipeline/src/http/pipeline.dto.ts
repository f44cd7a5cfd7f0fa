import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Trimmed } from '@crm/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { Stage, StageKind, StagesProblem } from '../domain/pipeline-definition';
import { STAGE_KINDS, stagesProblem } from '../domain/pipeline-definition';

export const STAGE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const MAX_STAGES = 50;

export class StageDto {
  @ApiProperty({
    example: 'propose',
    pattern: STAGE_ID.source,
    description: 'A slug, unique in the pipeline',
  })
  @IsString()
  @Matches(STAGE_ID, { message: 'stageId must be a lower-case slug of 1 to 64 characters' })
  stageId!: string;

  @ApiProperty({ example: 'Proposal sent', minLength: 1, maxLength: 100 })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 50, minimum: 0, maximum: 100, description: 'Chance to win, in %' })
  @IsInt()
  @Min(0)
  @Max(100)
  probability!: number;

  @ApiProperty({
    enum: STAGE_KINDS,
    description: 'Deals sit in open stages; exactly one won and one lost stage end them',
  })
  @IsIn(STAGE_KINDS)
  kind!: StageKind;
}

const describeProblem = (problem: StagesProblem): string => {
  switch (problem.problem) {
    case 'duplicate-stage-id':
      return `stages lists stage ${problem.stageId} more than once`;
    case 'probability-out-of-range':
      return `stage ${problem.stageId} has probability ${problem.probability}; it must be 0 to 100`;
    case 'terminal-stage-count':
      return `stages has ${problem.count} ${problem.kind} stages; it needs exactly one`;
    case 'no-open-stage':
      return 'stages has no open stage for a deal to be in';
    default: {
      const unknownProblem: never = problem;
      return unknownProblem;
    }
  }
};

const problemOf = (value: unknown): StagesProblem | null =>
  Array.isArray(value) && value.every((s) => typeof s === 'object' && s !== null)
    ? stagesProblem(value as Stage[])
    : null;

/**
 * The rule between a definition's stages (the pipeline decider's own check, so the edge and the
 * domain agree): exactly one won and one lost stage, at least one open stage, unique ids.
 */
const IsPipelineStages = (): PropertyDecorator =>
  ValidateBy({
    name: 'isPipelineStages',
    validator: {
      validate: (value) => problemOf(value) === null,
      defaultMessage: (args) => {
        const problem = problemOf(args?.value);
        return problem ? describeProblem(problem) : 'stages is not a pipeline';
      },
    },
  });

/** The whole definition, stages in their order: defining and changing send the same. */
export class PipelineDefinitionDto {
  @ApiProperty({ example: 'New business', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    type: [StageDto],
    minItems: 3,
    maxItems: MAX_STAGES,
    description:
      'In their order: at least one open stage, exactly one won and one lost stage, ids unique',
  })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => StageDto)
  @IsPipelineStages()
  stages!: StageDto[];
}
