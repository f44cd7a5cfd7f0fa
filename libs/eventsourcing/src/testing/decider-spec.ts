import type { Decider, DomainEvent } from '../decider/decider';
import { fold } from '../decider/decider';
import { isDomainError } from '../decider/domain-error';

/**
 * Given/when/then for deciders, without IO:
 * `spec.given([...events]).when(command).then([...events])` or `.thenFails('CODE')`.
 */
export const deciderSpec = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command) => {
      const decide = () => decider.decide(command, fold(decider, events));
      return {
        then: (expected: readonly Event[]): void => {
          const result = decide();
          if (isDomainError(result))
            throw new Error(`expected events, got ${result.code}: ${result.message}`);
          expect(result).toEqual(expected);
        },
        thenFails: (code: string, message?: RegExp): void => {
          const result = decide();
          if (!isDomainError(result))
            throw new Error(`expected ${code}, got events ${JSON.stringify(result)}`);
          expect(result.code).toBe(code);
          if (message) expect(result.message).toMatch(message);
        },
      };
    },
  }),
});
