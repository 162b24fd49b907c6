/**
 * Limits on the shape and size of a GraphQL operation, checked after
 * graphql-js's own validation and before anything executes, plus the caps
 * that keep execution within what was measured.
 *
 * Public: `QueryLimits`, `measureOperation`, `operationLimitsPlugin` (depth,
 * list nesting, aliases, cost: one measurement with the variables, after
 * validation, so a document with a fragment cycle or an unknown fragment is
 * refused by graphql-js in milliseconds and never measured), `maxListItems`
 * and `capList` (the enforced size of lists without `first`), `scanCosts`.
 *
 * Measuring is linear in the document: each fragment is measured once, for a
 * multiplier of 1, and reused wherever it is spread (cost is linear in the
 * multiplier, depth and list nesting are offsets), so fragments that spread
 * each other twice cannot make the measurement exponential. A cap on the
 * selections visited bounds it anyway.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { maxPageSize } from './pagination';

export interface QueryLimits {
  /** Deepest chain of nested fields. */
  maxDepth: number;
  /** Most list-typed fields along one path (`articles.nodes.officials.meetings.nodes` is 3). */
  maxListNesting: number;
  /** Aliased fields in one operation, counted once per place a fragment is spread. */
  maxAliases: number;
  /** Lexical tokens in one document, enforced by the parser. */
  maxTokens: number;
  /** Budget of objects an operation may resolve, as estimated by `measureOperation`. */
  maxCost: number;
  /** Milliseconds after which a query starts no more database commands and resolves no more fields. */
  requestTimeoutMs: number;
  /** The same for mutations, whose writes are never cut short once started. */
  mutationTimeoutMs: number;
  /** Largest JSON response, in bytes; over it the answer is one RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
}

export interface OperationMeasures {
  depth: number;
  listNesting: number;
  aliases: number;
  cost: number;
}

/**
 * Lists without `first` return at most this many items (the first ones in
 * the list's order), and the cost model counts them at this size: a meeting
 * rarely has more than a handful of named participants, a summit may have a
 * hundred. Lists not named here (`Official.titles`, `Article.officials`, …)
 * hold at most `maxListItems`.
 */
export const listCaps: Record<string, number> = {
  'Meeting.participants': 20,
  'Meeting.articles': 20,
  'Meeting.evidence': 20,
  'Meeting.topics': 20,
  'Meeting.counterpartCountries': 20,
  'Conference.participants': 100,
  'Conference.meetings': 100,
  'Conference.editions': 100,
};
export const maxListItems = 50;

/** The enforced size of the list field `Type.field` (one without `first`). */
export function listCap(field: string): number {
  return listCaps[field] ?? maxListItems;
}

export function capList<T>(items: readonly T[], field: string): T[] {
  return items.slice(0, listCap(field));
}

/**
 * Fields whose work is a scan rather than the objects they return, costed by
 * what they may read: `meetingStats` reads every meeting the filter matches
 * (the whole collection at worst), `search` ranks up to 1,000 candidates of
 * each of three types, `totalCount` counts every match. `Article.body` (up to a million
 * characters) counts as many objects; its real size is also charged against
 * the response-size cap as it is resolved.
 */
export const scanCosts: Record<string, number> = {
  'Query.meetingStats': 5000,
  'Query.search': 2000,
  'Article.body': 50,
};
const totalCountCost = 100;
/** Introspection root fields compute their answer from the schema: cheap, but not free. */
const introspectionCost = 50;
/** The IDE's introspection query is 15 levels deep; introspection subtrees may nest this deep. */
const maxIntrospectionDepth = 20;
/** Selections visited while measuring one operation (each fragment once); the token limit keeps real documents far below. */
export const maxAnalysisSteps = 20_000;

const defaultFirst = 20;

function isIntrospection(name: string): boolean {
  return name === '__schema' || name === '__type';
}

/** The integer an argument value stands for: a literal, a variable's value or its default; otherwise null. */
function intValue(node: ValueNode, variables: Record<string, unknown>, operation: OperationDefinitionNode): number | null {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    const declared = operation.variableDefinitions?.find((definition) => definition.variable.name.value === node.name.value);
    if (declared?.defaultValue?.kind === Kind.INT) return Number(declared.defaultValue.value);
  }
  return null;
}

/** Stored objects (Node types, and unions or interfaces of them) and connections cost; value types (Country, PartialDate) are free. */
function isCosted(type: GraphQLNamedType): boolean {
  if (isAbstractType(type)) return true;
  return isObjectType(type) && (type.name.endsWith('Connection') || type.getInterfaces().some((iface) => iface.name === 'Node'));
}

export class AnalysisTooLargeError extends Error {}

/**
 * Measures an operation against the schema. Cost estimates how many stored
 * objects (and connections, one query each) the operation may return, in the
 * worst case: a field with `first` multiplies what is under it by `first` (its
 * default when not given, at most 100); a list without `first` by
 * its enforced cap, except the `edges` and `nodes` of a connection, which
 * `first` already counted, by its cap (`listCap`); scans cost `scanCosts`. The branches of a union or
 * interface are added up, an upper bound. Throws AnalysisTooLargeError past
 * `maxAnalysisSteps`.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  options: { variables?: Record<string, unknown> } = {},
): OperationMeasures {
  const variables = options.variables ?? {};
  let steps = 0;
  // Per fragment, measured at depth 0, no enclosing lists, multiplier 1.
  const measured = new Map<string, OperationMeasures>();
  const inProgress = new Set<string>();

  const measureFragment = (name: string, pageSize: number, inIntrospection: boolean): OperationMeasures | null => {
    // A fragment on a connection type depends on the page size it is spread under; any other fragment does not.
    const key = `${name}:${pageSize}:${inIntrospection}`;
    const cached = measured.get(key);
    if (cached) return cached;
    const fragment = fragments[name];
    // Unknown fragments and cycles fail graphql-js's validation, which runs first; never loop on them.
    if (!fragment || inProgress.has(name)) return null;
    inProgress.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const result = walk(fragment.selectionSet, isCompositeType(type) ? type : undefined, inIntrospection, pageSize);
    inProgress.delete(name);
    measured.set(key, result);
    return result;
  };

  /**
   * Measures a selection set relative to its own position: depth 0, no
   * enclosing lists, multiplier 1. `pageSize`: the `first` of the connection
   * whose fields these are (its `edges` and `nodes` repeat that many times).
   */
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    inIntrospection: boolean,
    pageSize = 1,
  ): OperationMeasures => {
    const total: OperationMeasures = { depth: 0, listNesting: 0, aliases: 0, cost: 0 };
    const add = (part: OperationMeasures, depthOffset: number, listOffset: number, multiplier: number) => {
      total.depth = Math.max(total.depth, part.depth + depthOffset);
      total.listNesting = Math.max(total.listNesting, part.listNesting + listOffset);
      total.aliases += part.aliases;
      total.cost += part.cost * multiplier;
    };
    for (const selection of selectionSet.selections) {
      steps += 1;
      if (steps > maxAnalysisSteps) throw new AnalysisTooLargeError();
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const part = measureFragment(selection.name.value, pageSize, inIntrospection);
        if (part) add(part, 0, 0, 1);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(walk(selection.selectionSet, isCompositeType(type) ? type : parent, inIntrospection, pageSize), 0, 0, 1);
        continue;
      }
      const name = selection.name.value;
      if (selection.alias) total.aliases += 1;
      total.depth = Math.max(total.depth, 1);
      const introspection = inIntrospection || isIntrospection(name);
      if (isIntrospection(name)) total.cost += introspectionCost;
      const field =
        name === '__schema'
          ? SchemaMetaFieldDef
          : name === '__type'
            ? TypeMetaFieldDef
            : parent && (isObjectType(parent) || isInterfaceType(parent))
              ? parent.getFields()[name]
              : undefined;
      const scanCost = parent ? scanCosts[`${parent.name}.${name}`] : undefined;
      if (scanCost) total.cost += scanCost;
      if (name === 'totalCount' && parent?.name.endsWith('Connection')) total.cost += totalCountCost;
      if (!field || !selection.selectionSet) continue; // Scalars are free; unknown fields fail validation anyway.
      const isList = isListType(getNullableType(field.type));
      // `count`: how many times this field's objects may be returned, and so how many times its children resolve.
      let count = 1;
      let childPageSize = 1;
      const firstDefinition = field.args.find((argument) => argument.name === 'first');
      if (firstDefinition) {
        const firstArgument = selection.arguments?.find((argument) => argument.name.value === 'first');
        const given = firstArgument ? intValue(firstArgument.value, variables, operation) : null;
        const fallback = typeof firstDefinition.defaultValue === 'number' ? firstDefinition.defaultValue : defaultFirst;
        childPageSize = Math.min(Math.max(given ?? fallback, 1), maxPageSize);
      } else if (isList && parent?.name.endsWith('Connection')) {
        count = pageSize; // `edges` or `nodes`: one page.
      } else if (isList && !introspection) {
        count = listCap(`${parent?.name}.${name}`);
      }
      const child = getNamedType(field.type);
      if (!introspection && isCosted(child)) total.cost += count;
      const inner = count;
      const below = walk(selection.selectionSet, isCompositeType(child) ? child : undefined, introspection, childPageSize);
      if (introspection && !inIntrospection) {
        // Introspection subtrees are deep by nature (`ofType { ofType { … } }`): their depth has its own, larger limit.
        if (below.depth + 1 > maxIntrospectionDepth) total.depth = Math.max(total.depth, below.depth + 1);
        add({ ...below, depth: 0, listNesting: 0 }, 1, 0, inner);
      } else {
        add(below, 1, isList ? 1 : 0, inner);
      }
    }
    return total;
  };

  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return walk(operation.selectionSet, root ?? undefined, false);
}

function limitError(message: string, node: OperationDefinitionNode, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions, http: { status: 400 } } });
}

/** The first limit the measures exceed, as the error to answer with; null when within every limit. */
function exceededLimit(measured: OperationMeasures, limits: QueryLimits, operation: OperationDefinitionNode): GraphQLError | null {
  if (measured.depth > limits.maxDepth) {
    return limitError(`The operation nests fields ${measured.depth} deep; at most ${limits.maxDepth} levels are allowed.`, operation, {
      limit: 'depth',
      value: measured.depth,
      max: limits.maxDepth,
    });
  }
  if (measured.listNesting > limits.maxListNesting) {
    return limitError(
      `The operation nests ${measured.listNesting} lists inside each other; at most ${limits.maxListNesting} are allowed.`,
      operation,
      { limit: 'listNesting', value: measured.listNesting, max: limits.maxListNesting },
    );
  }
  if (measured.aliases > limits.maxAliases) {
    return limitError(`The operation uses ${measured.aliases} aliases; at most ${limits.maxAliases} are allowed.`, operation, {
      limit: 'aliases',
      value: measured.aliases,
      max: limits.maxAliases,
    });
  }
  if (measured.cost > limits.maxCost) {
    return limitError(
      `The operation would cost ${measured.cost}, over the budget of ${limits.maxCost}: ask for fewer items ("first") in nested lists, or split it.`,
      operation,
      { limit: 'cost', cost: measured.cost, budget: limits.maxCost },
    );
  }
  return null;
}

/**
 * Depth, list nesting, aliases and cost, measured once per request after
 * graphql-js's validation passed and the variables are known, before
 * anything executes: over a limit is GRAPHQL_VALIDATION_FAILED, HTTP 400.
 */
export function operationLimitsPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not supported by this API; send a query or a mutation.', {
              nodes: [operation],
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          let measured: OperationMeasures;
          try {
            measured = measureOperation(schema, operation, fragments, { variables: request.variables ?? {} });
          } catch (error) {
            if (!(error instanceof AnalysisTooLargeError)) throw error;
            throw limitError(`The operation has more than ${maxAnalysisSteps} selections to measure; split it.`, operation, {
              limit: 'analysis',
              max: maxAnalysisSteps,
            });
          }
          const exceeded = exceededLimit(measured, limits, operation);
          if (exceeded) throw exceeded;
        },
      };
    },
  };
}

export const ResponseTooLargeCode = 'RESPONSE_TOO_LARGE';

function responseTooLargeMessage(maxBytes: number): string {
  return `The response would be larger than the limit of ${maxBytes} bytes; ask for fewer items or fields (article bodies are large), or split the operation.`;
}

export class ResponseTooLargeError extends GraphQLError {
  constructor(maxBytes: number) {
    super(responseTooLargeMessage(maxBytes), { extensions: { code: ResponseTooLargeCode, max: maxBytes, http: { status: 400 } } });
  }
}

/**
 * Charges large text against the response-size cap as it is resolved, so a
 * request stops producing article bodies once they alone exceed the cap,
 * rather than building a huge answer only to refuse it.
 */
export function chargeOutput<T extends string | readonly string[]>(output: { bytes: number; maxBytes: number }, text: T): T {
  const pieces = typeof text === 'string' ? [text] : text;
  for (const piece of pieces) output.bytes += Buffer.byteLength(piece, 'utf8');
  if (output.bytes > output.maxBytes) throw new ResponseTooLargeError(output.maxBytes);
  return text;
}

/**
 * No response larger than `maxResponseBytes`: the whole answer becomes one
 * RESPONSE_TOO_LARGE error (HTTP 400), never a partial huge body.
 */
export function responseSizePlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const tooLarge =
            result.errors?.some((error) => error.extensions?.code === ResponseTooLargeCode) ||
            Buffer.byteLength(JSON.stringify(result), 'utf8') > limits.maxResponseBytes;
          if (!tooLarge) return;
          response.body.singleResult = {
            errors: [{ message: responseTooLargeMessage(limits.maxResponseBytes), extensions: { code: ResponseTooLargeCode, max: limits.maxResponseBytes } }],
          };
          response.http.status = 400;
        },
      };
    },
  };
}
