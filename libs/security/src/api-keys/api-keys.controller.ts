import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ErrorBody, ROLES } from '@crm/platform';
import type { Role } from '@crm/platform';
import { ApiKeyResponse, CreatedApiKeyResponse } from './api-key.responses';
import { ApiKeyService } from './api-key.service';
import type { ApiKeyView } from './api-key.service';
import { Roles } from '../auth/roles.decorator';
import { uuidPipe } from '../auth/uuid.pipe';

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'billing service',
    minLength: 1,
    maxLength: 100,
    pattern: '^[^\\u0000-\\u001f]*$',
  })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\u0000-\u001f]*$/, { message: 'name must not contain control characters' })
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'service' })
  @IsIn(ROLES)
  role!: Role;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/api-keys')
@Roles()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; its token is shown only in this response' })
  @ApiResponse({ status: 201, type: CreatedApiKeyResponse, description: 'The key and its token' })
  create(@Body() body: CreateApiKeyDto): Promise<{ key: ApiKeyView; token: string }> {
    return this.apiKeys.create(body.name, body.role);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their tokens)' })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(): Promise<ApiKeyView[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiResponse({ status: 404, type: ErrorBody, description: 'No such key' })
  async revoke(@Param('id', uuidPipe) id: string): Promise<void> {
    if (!(await this.apiKeys.revoke(id))) throw new NotFoundException(`no API key ${id}`);
  }
}
