import { getMetadataStorage, IsInt, IsString, Min, validateSync } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata-cache';

describe('rememberValidationMetadata', () => {
  rememberValidationMetadata();
  const storage = getMetadataStorage();

  class Parcel {
    @IsString() label!: string;
  }

  const errorsOf = (value: object): string[] =>
    validateSync(value).flatMap((error) =>
      Object.keys(error.constraints ?? {}).map((c) => `${error.property}:${c}`),
    );

  it('answers the same rule list for a class every time without looking it up again', () => {
    const first = storage.getTargetValidationMetadatas(Parcel, '', false, false);
    expect(first.map((m) => m.propertyName)).toEqual(['label']);
    expect(storage.getTargetValidationMetadatas(Parcel, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
  });

  it('validates as before', () => {
    expect(errorsOf(Object.assign(new Parcel(), { label: 7 }))).toEqual(['label:isString']);
    expect(errorsOf(Object.assign(new Parcel(), { label: 'ok' }))).toEqual([]);
  });

  it('sees rules registered after a class was first validated, its subclasses included', () => {
    expect(errorsOf(Object.assign(new Parcel(), { label: 'ok' }))).toEqual([]);
    class WeighedParcel extends Parcel {
      @IsInt() @Min(1) grams!: number;
    }
    expect(errorsOf(Object.assign(new WeighedParcel(), { label: 'ok', grams: 0 }))).toEqual(['grams:min']);
    expect(errorsOf(Object.assign(new WeighedParcel(), { label: 3, grams: 2 }))).toEqual(['label:isString']);
    expect(
      storage
        .getTargetValidationMetadatas(WeighedParcel, '', false, false)
        .map((m) => m.propertyName)
        .sort(),
    ).toEqual(['grams', 'grams', 'label']);
  });
});
