import { IsInt, IsString, MaxLength, getMetadataStorage, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

const rulesBroken = async (object: object): Promise<Record<string, string[]>> =>
  Object.fromEntries(
    (await validate(object, OPTIONS)).map((error) => [
      error.property,
      Object.keys(error.constraints ?? {}),
    ]),
  );

class NoteBody {
  @IsString()
  @MaxLength(5)
  text!: string;
}

describe('cached validation metadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('finds the same rules on every validation', async () => {
    const fine = Object.assign(new NoteBody(), { text: 'hi' });
    const broken = Object.assign(new NoteBody(), { text: 'too long', extra: 1 });

    for (let round = 0; round < 3; round += 1) {
      expect(await rulesBroken(fine)).toEqual({});
      expect(await rulesBroken(broken)).toEqual({
        text: ['maxLength'],
        extra: ['whitelistValidation'],
      });
    }
  });

  it('sees rules added after a class was validated (a subclass defined later)', async () => {
    expect(await rulesBroken(Object.assign(new NoteBody(), { text: 'hi', pinned: 1 }))).toEqual({
      pinned: ['whitelistValidation'],
    });

    class PinnedNoteBody extends NoteBody {
      @IsInt()
      pinned!: number;
    }

    expect(
      await rulesBroken(Object.assign(new PinnedNoteBody(), { text: 'too long', pinned: 'x' })),
    ).toEqual({ text: ['maxLength'], pinned: ['isInt'] });
    expect(
      await rulesBroken(Object.assign(new PinnedNoteBody(), { text: 'ok', pinned: 2 })),
    ).toEqual({});
  });

  it('sees a rule added to a class it already validated', async () => {
    class TagBody {
      @IsString()
      tag!: string;
    }
    const body = Object.assign(new TagBody(), { tag: 'vip', weight: 'x' });
    expect(await rulesBroken(body)).toEqual({ weight: ['whitelistValidation'] });

    IsInt()(TagBody.prototype, 'weight');

    expect(await rulesBroken(body)).toEqual({ weight: ['isInt'] });
  });

  it('is installed once however often the pipe is created', () => {
    const storage = getMetadataStorage();
    const lookUp = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();

    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
  });
});
