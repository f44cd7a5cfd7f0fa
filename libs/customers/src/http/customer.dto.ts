import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FreshnessQueryDto, OneOfKnown, PageQueryDto, Trimmed } from '@crm/platform';
import { MAX_TAGS } from '../domain/customer.decider';

const lowerTrim = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
    : value;

/** E.164-ish: optional +, a non-zero digit, 6 to 14 more digits; no spaces. */
export const PHONE = /^\+?[1-9]\d{6,14}$/;
/** Tags: lower-case words with - _ : separators, up to 40 characters. */
export const TAG = /^[a-z0-9][a-z0-9_:-]{0,39}$/;
const NO_CONTROL_CHARS = /^[^\u0000-\u001f\u007f]*$/;

export class AddressDto {
  @ApiProperty({ example: '12 St James Square', maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  street!: string;

  @ApiProperty({ example: 'London', maxLength: 100 })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiPropertyOptional({ example: 'SW1Y 4LB', maxLength: 20 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code like GB' })
  country!: string;
}

export class CreateCustomerDto {
  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @Trimmed()
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL_CHARS, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Trimmed()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiPropertyOptional({ example: '+442071234567', description: 'E.164: + and 7 to 15 digits' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be E.164, e.g. +442071234567' })
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: ['vip', 'newsletter'], maxItems: MAX_TAGS })
  @IsOptional()
  @Transform(lowerTrim)
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Matches(TAG, { each: true, message: 'each tag must match ^[a-z0-9][a-z0-9_:-]{0,39}$' })
  tags?: string[];
}

/** Contact changes; `phone` and `address` may be null to clear them. */
export class UpdateCustomerContactDto {
  @ApiPropertyOptional({ example: 'Ada King' })
  @ValidateIf((_, value) => value !== undefined)
  @Trimmed()
  @IsString()
  @Length(1, 200)
  @Matches(NO_CONTROL_CHARS, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ example: 'ada.king@example.com' })
  @ValidateIf((_, value) => value !== undefined)
  @Trimmed()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ type: 'string', example: '+442071234568', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @Matches(PHONE, { message: 'phone must be E.164, e.g. +442071234567' })
  phone?: string | null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;
}

export class AddNoteDto {
  @ApiProperty({ example: 'Prefers to be contacted by email.', maxLength: 5000 })
  @Trimmed()
  @IsString()
  @Length(1, 5000)
  text!: string;
}

export class TagsDto {
  @ApiProperty({ example: ['vip'], minItems: 1, maxItems: MAX_TAGS })
  @Transform(lowerTrim)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @Matches(TAG, { each: true, message: 'each tag must match ^[a-z0-9][a-z0-9_:-]{0,39}$' })
  tags!: string[];
}

export class SearchCustomersDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or email', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ example: 'vip' })
  @IsOptional()
  @IsString()
  @Matches(TAG, { message: 'tag must match ^[a-z0-9][a-z0-9_:-]{0,39}$' })
  tag?: string;

  @ApiPropertyOptional({ enum: ['active', 'forgotten', 'merged'] })
  @IsOptional()
  @IsIn(['active', 'forgotten', 'merged'])
  status?: 'active' | 'forgotten' | 'merged';

  @ApiPropertyOptional({ description: 'RFM segment name, e.g. champions' })
  @OneOfKnown('segment')
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_-]{1,40}$/, { message: 'segment must be a segment name like champions' })
  segment?: string;
}

export class MergeCustomerDto {
  @ApiProperty({
    description: 'The customer that absorbs this one',
    example: '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  })
  @IsUUID('all', { message: 'survivorId must be a UUID' })
  survivorId!: string;

  @ApiPropertyOptional({
    description: 'Only show the survivor as it would be; write nothing',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class DuplicatesQueryDto extends FreshnessQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
