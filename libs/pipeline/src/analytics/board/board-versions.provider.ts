import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { DocumentStore } from '@crm/documents';
import { DOCUMENT_STORE } from '@crm/documents';
import { OpportunityVersionsIndex } from './opportunity-versions.index';

/** This process's index of the opportunity versions (the board's and forecast's `asOf` reads). */
@Injectable()
export class BoardVersions implements OnApplicationBootstrap {
  readonly index = new OpportunityVersionsIndex();
  private readonly logger = new Logger(BoardVersions.name);

  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}

  /** Loads in the background, so the first read as of a past instant does not pay for it. */
  onApplicationBootstrap(): void {
    const started = Date.now();
    this.index.refresh(this.documents).then(
      () =>
        this.logger.log(
          `${this.index.versions} opportunity versions indexed in ${Date.now() - started} ms`,
        ),
      // The first read retries: an index that never loaded loads everything then.
      (error: unknown) =>
        this.logger.warn(`opportunity versions not indexed yet: ${String(error)}`),
    );
  }
}
