import { GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors';
import { parseDateTime } from '../services/validate';

/** ISO 8601 instants or days, validated on the way in; the offset as sent survives, so a report's own time zone does. */
export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time with offset, or a date.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new ValidationError(`Expected an ISO 8601 string for a DateTime, but got ${JSON.stringify(value)}.`, 'DateTime');
    parseDateTime(value, 'DateTime');
    // Kept as sent: a bare day means "the whole day" to filters.
    return value.trim();
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Expected an ISO 8601 string for a DateTime.', 'DateTime');
    parseDateTime(ast.value, 'DateTime');
    return ast.value.trim();
  },
});
