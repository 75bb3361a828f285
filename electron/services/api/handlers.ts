/**
 * Every call of the contract, implemented. The type makes a missing handler a compile error, so the
 * contract and the services cannot drift apart. Each feature keeps its handlers in its own folder.
 */
import type { MethodName, OutputOf, ParsedInputOf } from '../../../shared/api/contract';
import type { ServiceContext } from './context';
import type { EncodedValue } from './wire';

/** A handler's answer: the value, or the value already encoded as JSON by a worker thread (wire.ts). */
type Answer<M extends MethodName> = OutputOf<M> | EncodedValue<OutputOf<M>>;
export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: ServiceContext) => Answer<M> | Promise<Answer<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one feature's calls. */
export type HandlersOf<Api> = { [M in keyof Api & MethodName]: Handler<M> };
