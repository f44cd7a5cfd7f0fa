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
import { OneOfKnown, Trimmed } from './document-rules';
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

class NoteInput {
  @Trimmed() @IsString() @Length(1, 50) text!: string;
  @Trimmed() @IsString() @Length(1) @Matches(/^[^\u0000-\u001f]*$/) name!: string;
  @Trimmed() @IsString() @Length(1) @Matches(/^(a|\t)+$/) tab!: string;
  @Trimmed() @IsString() optional!: string;
}

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

  it('says that a trimmed value with a minimum length must not be only whitespace', () => {
    const schemas: Record<string, any> = {
      NoteInput: {
        type: 'object',
        properties: {
          text: { type: 'string' },
          name: { type: 'string' },
          tab: { type: 'string' },
          optional: { type: 'string' },
        },
      },
    };
    addValidationConstraints(schemas, [NoteInput]);
    const { text, name, tab, optional } = schemas['NoteInput'].properties;
    expect([text, name, tab, optional]).toEqual([
      { type: 'string', minLength: 1, maxLength: 50, pattern: '\\S' },
      {
        type: 'string',
        minLength: 1,
        pattern: '^[^\\u0000-\\u001f]*[^\\u0000-\\u001f\\s][^\\u0000-\\u001f]*$',
      },
      {
        type: 'string',
        minLength: 1,
        pattern: '^(a|\\t)+$',
        description: 'Must contain a character other than whitespace (the value is trimmed).',
      },
      { type: 'string' },
    ]);
    const sut = (value: string) => new RegExp(name.pattern as string, 'u').test(value);
    expect(['Ada', ' Ada ', ' ', '\t\n', 'A\u0001'].map(sut)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
