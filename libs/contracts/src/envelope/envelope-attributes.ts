import {
  Equals,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

/** class-validator view of the CloudEvents attributes, used by parseEnvelope before the data is looked at. */
export class EnvelopeAttributes {
  @Equals('1.0') specversion!: '1.0';
  @IsUUID() id!: string;
  @Matches(/^urn:complaints:[a-z-]+$/) source!: string;
  @Matches(/^[a-z]+(\.[a-z-]+)+$/) type!: string;
  @IsInt() @Min(1) schemaversion!: number;
  @IsString() @Length(1, 200) subject!: string;
  @IsUtcTimestamp() time!: string;
  @IsIn(['application/json']) datacontenttype!: 'application/json';
  @IsString() @Length(1, 200) correlationid!: string;
  @IsOptional() @IsString() @Length(1, 200) causationid?: string;
  @IsObject() data!: object;
}
