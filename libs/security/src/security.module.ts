import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { ApiKeyService } from './api-keys/api-key.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysController } from './api-keys/api-keys.controller';

@Global()
@Module({
  controllers: [ApiKeysController],
  providers: [
    {
      provide: ApiKeyService,
      useFactory: (documents: DocumentStore) => new ApiKeyService(documents),
      inject: [DOCUMENT_STORE],
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyService],
})
export class SecurityModule {}
