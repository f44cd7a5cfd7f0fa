import { getMetadataStorage } from 'class-validator';
import { AddressDto, CreateCustomerDto } from '../http/customer.dto';

describe('customer row check', () => {
  // checkCustomerRow validates with validateSync, which skips asynchronous constraints without a
  // word: an async rule added to the request DTO would pass every import row unchecked.
  it.each([CreateCustomerDto, AddressDto])(
    'relies on %p having no asynchronous validation rule',
    (dto) => {
      const storage = getMetadataStorage();
      const rules = storage.getTargetValidationMetadatas(dto, '', true, false);
      expect(rules.length).toBeGreaterThan(0);
      const asynchronous = rules
        .filter((rule) => rule.constraintCls)
        .flatMap((rule) => storage.getTargetValidatorConstraints(rule.constraintCls))
        .filter((constraint) => constraint.async);
      expect(asynchronous.map((constraint) => constraint.name)).toEqual([]);
    },
  );
});
