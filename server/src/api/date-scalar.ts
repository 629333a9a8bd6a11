/**
 * The schema's Date scalar made strict. @neo4j/graphql's reads its input through JavaScript's `new Date(…)`: a date
 * that is no day of the calendar rolls over ("2023-02-30" became 2 March, and matched the texts of that day), a time
 * is accepted and dropped ("2023-03-30T10:00:00Z"), and the day is taken in the server's time zone (a server west of
 * Greenwich read "2023-03-30" as 29 March). Here the input must be `yyyy-mm-dd`, a real day, read as written.
 */
import { GraphQLError, isScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import neo4j from 'neo4j-driver';
import { isIsoDate } from '../extract/index.js';

function parseDay(value: unknown): InstanceType<typeof neo4j.types.Date> {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    throw new GraphQLError(`Date must be a day of the calendar written yyyy-mm-dd, e.g. 2022-11-17; got ${shown}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return new neo4j.types.Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

export function strictDates(schema: GraphQLSchema): void {
  const date = schema.getType('Date');
  if (!isScalarType(date)) throw new Error('schema has no Date scalar');
  const given = date.parseValue.bind(date);
  date.parseValue = (value: unknown) => (neo4j.isDate(value) ? given(value) : parseDay(value));
  date.parseLiteral = (ast: ValueNode) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined);
}
