import {
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { OneOfKnown } from './known-values';
import { addValidationConstraints } from './validation-constraints';

class LineInput {
  @IsInt() @Min(1) @Max(9) quantity!: number;
  @IsString() @Matches(/^[A-Z]{3}$/) currency!: string;
  @IsString() @Matches(/^x$/i) loose!: string;
  @IsEmail() @Length(3, 254) email!: string;
  @IsIn(['a', 'b']) kind!: string;
  @IsString({ each: true }) @Matches(/^[a-z]+$/, { each: true }) tags!: string[];
}
class EmptySubclassInput extends LineInput {}

class SubscriptionInput {
  @OneOfKnown('segment') @IsString() segment!: string;
  @OneOfKnown('eventType', { each: true, also: ['*'] }) @IsString({ each: true }) types!: string[];
  @OneOfKnown('nobody gave its values') @IsString() unknown!: string;
}

class WindowInput {
  @IsString() startsAt!: string;
  @ValidateBy({
    name: 'isAfterField',
    constraints: ['startsAt'],
    validator: { validate: () => true },
  })
  endsAt!: string;
}

const schemaOf = () => ({
  type: 'object',
  properties: {
    quantity: { type: 'number' },
    currency: { type: 'string' },
    loose: { type: 'string' },
    email: { type: 'string' },
    kind: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
  },
});

describe('addValidationConstraints', () => {
  it('states the rules class-validator enforces as JSON Schema keywords', () => {
    const schemas: Record<string, any> = { LineInput: schemaOf() };
    addValidationConstraints(schemas);
    expect(schemas['LineInput'].properties).toEqual({
      quantity: { type: 'integer', minimum: 1, maximum: 9 },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      loose: { type: 'string' },
      email: { type: 'string', format: 'email', minLength: 3, maxLength: 254 },
      kind: { type: 'string', enum: ['a', 'b'] },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
    });
  });

  it('reaches a subclass without rules of its own when it is named', () => {
    const schemas: Record<string, any> = { EmptySubclassInput: schemaOf() };
    addValidationConstraints(schemas, [EmptySubclassInput]);
    expect(schemas['EmptySubclassInput'].properties.quantity).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 9,
    });
  });

  it('says in the description what a rule between fields requires', () => {
    const schemas: Record<string, any> = {
      WindowInput: {
        type: 'object',
        properties: {
          startsAt: { type: 'string' },
          endsAt: { type: 'string', description: 'End.' },
        },
      },
    };
    addValidationConstraints(schemas, [WindowInput]);
    expect(schemas['WindowInput'].properties.endsAt).toEqual({
      type: 'string',
      description: 'End. Must be after `startsAt`.',
    });
  });

  it('lists a vocabulary another context owns as an enum, for one value or each', () => {
    const schemas: Record<string, any> = {
      SubscriptionInput: {
        type: 'object',
        properties: {
          segment: { type: 'string' },
          types: { type: 'array', items: { type: 'string' } },
          unknown: { type: 'string' },
        },
      },
    };
    addValidationConstraints(schemas, [SubscriptionInput], {
      segment: ['champions', 'lost'],
      eventType: ['A', 'B'],
    });
    expect(schemas['SubscriptionInput'].properties).toEqual({
      segment: { type: 'string', enum: ['champions', 'lost'] },
      types: { type: 'array', items: { type: 'string', enum: ['*', 'A', 'B'] } },
      unknown: { type: 'string' },
    });
  });
});
