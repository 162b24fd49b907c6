/** Every field of a resolver map must be written out: a schema field without a resolver fails the build. */
export type Complete<T> = Required<Omit<T, '__isTypeOf'>>;
