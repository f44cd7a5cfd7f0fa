import type { DuplicatePair } from '../projections/customer-profile/duplicate-customers';
import { Query } from '@nestjs/cqrs';
import type { SearchCustomersDto } from '../http/customer.dto';
import type { CustomerProfileView } from './customer-profile.view';

export class GetCustomerProfileQuery extends Query<CustomerProfileView> {
  constructor(
    readonly customerId: string,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class SearchCustomersQuery extends Query<{
  items: CustomerProfileView[];
  nextCursor: string | null;
}> {
  constructor(
    readonly search: SearchCustomersDto,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}

export class FindDuplicatesQuery extends Query<{ pairs: DuplicatePair[] }> {
  constructor(
    readonly limit: number,
    readonly minPosition: number | undefined,
  ) {
    super();
  }
}
