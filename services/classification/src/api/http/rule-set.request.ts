import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { PRIORITIES, RISK_LEVELS } from '@complaints/contracts';
import { Priority } from '../../domain/classification';

/**
 * PUT /v1/rule-sets body: a whole rule set. These classes check the shape (types, sizes, unknown fields); the
 * domain validator then checks the meaning (patterns, categories, duplicate ids) and reports every problem.
 */
const MAX_RULES = 500;
const MAX_PHRASES = 300;
const MAX_PATTERNS = 20;
const MAX_CATEGORIES = 50;
const MAX_SUBCATEGORIES = 50;

/** An array of non-empty arrays of strings, for keyword groups. */
function IsArrayOfStringArrays(maxGroups: number, maxPerGroup: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isArrayOfStringArrays',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= maxGroups &&
          value.every(
            (group) =>
              Array.isArray(group) &&
              group.length <= maxPerGroup &&
              group.every((phrase) => typeof phrase === 'string'),
          ),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be at most ${maxGroups} lists of at most ${maxPerGroup} phrases each`,
      },
    });
}

export class LocalisedNameRequest {
  @ApiProperty() @IsString() @Length(1, 100) zh!: string;
  @ApiProperty() @IsString() @Length(1, 100) en!: string;
}

export class SubcategoryRequest {
  @ApiProperty() @IsString() @Length(1, 100) id!: string;
  @ApiProperty({ type: LocalisedNameRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalisedNameRequest)
  name!: LocalisedNameRequest;
}

export class CategoryRequest {
  @ApiProperty() @IsString() @Length(1, 100) id!: string;
  @ApiProperty({ type: LocalisedNameRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalisedNameRequest)
  name!: LocalisedNameRequest;
  @ApiProperty({ type: [SubcategoryRequest] })
  @IsArray()
  @ArrayMaxSize(MAX_SUBCATEGORIES)
  @ValidateNested({ each: true })
  @Type(() => SubcategoryRequest)
  subcategories!: SubcategoryRequest[];
}

export class MoneyThresholdRequest {
  @ApiProperty({ example: 'CNY' }) @IsString() @Length(1, 10) currency!: string;
  @ApiProperty({ example: '50000.00' }) @IsString() @Length(1, 30) value!: string;
}

export class RepeatConditionRequest {
  @ApiProperty({ example: 30 }) @IsInt() withinDays!: number;
  @ApiProperty({ example: 1 }) @IsInt() atLeast!: number;
}

export class RuleConditionsRequest {
  @ApiPropertyOptional({
    type: [String],
    description: 'Any of these phrases (zh or en); `refund*` is a word prefix',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHRASES)
  @IsString({ each: true })
  keywords?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'Every group must match (any phrase of each)',
  })
  @IsOptional()
  @IsArrayOfStringArrays(10, MAX_PHRASES)
  keywordGroups?: string[][];

  @ApiPropertyOptional({ type: [String], description: 'Regular expressions (linear-time subset)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PATTERNS)
  @IsString({ each: true })
  patterns?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The rule does not fire when any of these occurs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHRASES)
  @IsString({ each: true })
  unlessKeywords?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  channels?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Phrases matched against the product field' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PHRASES)
  @IsString({ each: true })
  products?: string[];

  @ApiPropertyOptional({ type: [MoneyThresholdRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MoneyThresholdRequest)
  amountAtLeast?: MoneyThresholdRequest[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  vulnerable?: string[];

  @ApiPropertyOptional({ type: RepeatConditionRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepeatConditionRequest)
  repeat?: RepeatConditionRequest;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() reopened?: boolean;
}

export class RuleEffectsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) subcategory?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() weight?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() precedence?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) signal?: string;
  @ApiPropertyOptional({ enum: ['urgent'] }) @IsOptional() @IsIn(['urgent']) urgency?: 'urgent';
  @ApiPropertyOptional({ enum: ['medium', 'high'] })
  @IsOptional()
  @IsIn(RISK_LEVELS.filter((r) => r !== 'low'))
  risk?: 'medium' | 'high';
}

export class RuleRequest {
  @ApiProperty() @IsString() @Length(1, 100) id!: string;
  @ApiProperty() @IsString() @Length(1, 500) description!: string;
  @ApiProperty({ type: RuleConditionsRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionsRequest)
  when!: RuleConditionsRequest;
  @ApiProperty({ type: RuleEffectsRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleEffectsRequest)
  then!: RuleEffectsRequest;
}

export class PriorityRowRequest {
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) high!: Priority;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) medium!: Priority;
  @ApiProperty({ enum: PRIORITIES }) @IsIn(PRIORITIES) low!: Priority;
}

export class PriorityMatrixRequest {
  @ApiProperty({ type: PriorityRowRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PriorityRowRequest)
  urgent!: PriorityRowRequest;
  @ApiProperty({ type: PriorityRowRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PriorityRowRequest)
  general!: PriorityRowRequest;
}

export class RuleSetSettingsRequest {
  @ApiProperty({ example: 'other' }) @IsString() @Length(1, 100) fallbackCategory!: string;
  @ApiProperty({ example: 0.2 }) @IsNumber() @Min(0) @Max(1) fallbackConfidence!: number;
}

export class PutRuleSetRequest {
  @ApiProperty({
    example: '2026.12-1',
    description: 'A new version name, or an existing one to roll back to it',
  })
  @IsString()
  @Length(1, 50)
  version!: string;

  @ApiPropertyOptional({
    description: 'The version this edit started from; 409 when another is in force now',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  basedOn?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) comment?: string;

  @ApiProperty({ type: [CategoryRequest] })
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES)
  @ValidateNested({ each: true })
  @Type(() => CategoryRequest)
  taxonomy!: CategoryRequest[];

  @ApiProperty({ type: [RuleRequest] })
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => RuleRequest)
  rules!: RuleRequest[];

  @ApiProperty({ type: PriorityMatrixRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => PriorityMatrixRequest)
  priority!: PriorityMatrixRequest;

  @ApiProperty({ type: RuleSetSettingsRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleSetSettingsRequest)
  settings!: RuleSetSettingsRequest;
}
