import type { nb } from './nb';

/** The shape every language must fill in: the bokmål dictionary, with any string allowed at the leaves. */
export type Messages = typeof nb;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted path to one message, e.g. `signIn.heading`; typos fail the (template) type check. */
export type MessageKey = Leaves<Messages>;

export type MessageParams = Readonly<Record<string, string | number>>;
