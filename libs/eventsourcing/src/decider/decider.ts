import type { DomainError } from './domain-error';

/** A domain event as the domain sees it: a type literal and plain data. */
export type DomainEvent<Type extends string = string, Data = Record<string, unknown>> = {
  type: Type;
  data: Data;
};

/**
 * The decider pattern: pure functions over plain data. `decide` answers a command with the
 * events it causes (maybe none) or a domain error; `evolve` folds one event into the state.
 */
export type Decider<Command, Event extends DomainEvent, State> = {
  decide: (command: Command, state: State) => readonly Event[] | DomainError;
  evolve: (state: State, event: Event) => State;
  initialState: State;
};

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);
