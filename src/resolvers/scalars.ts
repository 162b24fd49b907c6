import { GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors';
import { parseDateTime } from '../services/validate';

/** ISO 8601 instants; parsing keeps the offset as sent, so a report's own time zone survives. */
export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time with offset, or a date.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new ValidationError(`Expected an ISO 8601 string for a DateTime, but got ${JSON.stringify(value)}.`, 'DateTime');
    return parseDateTime(value, 'DateTime').iso;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Expected an ISO 8601 string for a DateTime.', 'DateTime');
    return parseDateTime(ast.value, 'DateTime').iso;
  },
});
