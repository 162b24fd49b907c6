/**
 * Limits on the shape and size of a GraphQL operation, checked before it
 * runs, plus the per-request time limit.
 *
 * Public: `QueryLimits`, `measureOperation`, `limitValidationRules` (depth,
 * list nesting, aliases: variables are not needed, so they are plain
 * validation rules, cached with the document), `costLimitPlugin` (needs the
 * variables, because `first: $n` multiplies), `requestTimeoutPlugin`.
 *
 * Introspection fields (`__schema`, `__type`) are not measured: the IDE's
 * introspection query is deep by nature, and introspection has its own switch.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
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
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { maxPageSize } from './pagination';

export interface QueryLimits {
  /** Deepest chain of nested fields. */
  maxDepth: number;
  /** Most list-typed fields along one path (`articles.nodes.officials.meetings.nodes` is 3). */
  maxListNesting: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in one document, enforced by the parser. */
  maxTokens: number;
  /** Budget of objects an operation may resolve, as estimated by `measureOperation`. */
  maxCost: number;
  /** Size assumed for lists that take no `first` (`participants`, `topics`). */
  assumedListSize: number;
  /** Milliseconds after which a request stops resolving fields. */
  requestTimeoutMs: number;
}

export interface OperationMeasures {
  depth: number;
  listNesting: number;
  aliases: number;
  cost: number;
}

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

/**
 * Measures an operation against the schema. Cost estimates how many stored
 * objects (and connections, one query each) the operation may return, in the
 * worst case: a field with `first` multiplies what is under it by `first` (its
 * default when not given, at most 100); a list without `first` by
 * `assumedListSize`, except the `edges` and `nodes` of a connection, which
 * `first` already counted. Fragments are expanded; the branches of a union or
 * interface are added up, an upper bound.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  options: { variables?: Record<string, unknown>; assumedListSize: number },
): OperationMeasures {
  const variables = options.variables ?? {};
  const measures: OperationMeasures = { depth: 0, listNesting: 0, aliases: 0, cost: 0 };

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    depth: number,
    lists: number,
    multiplier: number,
    inFragments: Set<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        // A cycle is reported by graphql's own NoFragmentCycles rule.
        if (!fragment || inFragments.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isCompositeType(type) ? type : parent, depth, lists, multiplier, new Set([...inFragments, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, isCompositeType(type) ? type : parent, depth, lists, multiplier, inFragments);
        continue;
      }
      const name = selection.name.value;
      if (isIntrospection(name)) continue;
      if (selection.alias) measures.aliases += 1;
      measures.depth = Math.max(measures.depth, depth + 1);
      const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      if (!field || !selection.selectionSet) continue; // Scalars are free; unknown fields fail validation anyway.
      const nullable = getNullableType(field.type);
      const isList = isListType(nullable);
      const nextLists = lists + (isList ? 1 : 0);
      measures.listNesting = Math.max(measures.listNesting, nextLists);
      // `count`: how many times this field's objects may be returned; `inner`: how many times its children resolve.
      let count = multiplier;
      let inner = multiplier;
      const firstDefinition = field.args.find((argument) => argument.name === 'first');
      if (firstDefinition) {
        const firstArgument = selection.arguments?.find((argument) => argument.name.value === 'first');
        const given = firstArgument ? intValue(firstArgument.value, variables, operation) : null;
        const fallback = typeof firstDefinition.defaultValue === 'number' ? firstDefinition.defaultValue : defaultFirst;
        inner = multiplier * Math.min(Math.max(given ?? fallback, 1), maxPageSize);
      } else if (isList && !(parent && parent.name.endsWith('Connection'))) {
        count = multiplier * options.assumedListSize;
        inner = count;
      }
      const child = getNamedType(field.type);
      if (isCosted(child)) measures.cost += count;
      walk(selection.selectionSet, isCompositeType(child) ? child : undefined, depth + 1, nextLists, inner, inFragments);
    }
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  walk(operation.selectionSet, root ?? undefined, 0, 0, 1, new Set());
  return measures;
}

function limitError(message: string, node: OperationDefinitionNode, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions });
}

/** Depth, list nesting and aliases, as validation rules: rejected with GRAPHQL_VALIDATION_FAILED, HTTP 400. */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    (context) => ({
      OperationDefinition(operation) {
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of context.getDocument().definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        }
        const measured = measureOperation(context.getSchema(), operation, fragments, { assumedListSize: limits.assumedListSize });
        if (measured.depth > limits.maxDepth) {
          context.reportError(
            limitError(`The operation nests fields ${measured.depth} deep; at most ${limits.maxDepth} levels are allowed.`, operation, {
              limit: 'depth',
              value: measured.depth,
              max: limits.maxDepth,
            }),
          );
        }
        if (measured.listNesting > limits.maxListNesting) {
          context.reportError(
            limitError(
              `The operation nests ${measured.listNesting} lists inside each other; at most ${limits.maxListNesting} are allowed.`,
              operation,
              { limit: 'listNesting', value: measured.listNesting, max: limits.maxListNesting },
            ),
          );
        }
        if (measured.aliases > limits.maxAliases) {
          context.reportError(
            limitError(`The operation uses ${measured.aliases} aliases; at most ${limits.maxAliases} are allowed.`, operation, {
              limit: 'aliases',
              value: measured.aliases,
              max: limits.maxAliases,
            }),
          );
        }
      },
    }),
  ];
}

/**
 * Rejects an operation whose estimated cost exceeds the budget, after the
 * variables are known and before anything executes.
 */
export function costLimitPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const { cost } = measureOperation(schema, operation, fragments, {
            variables: request.variables ?? {},
            assumedListSize: limits.assumedListSize,
          });
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `The operation would cost ${cost}, over the budget of ${limits.maxCost}: ask for fewer items ("first") in nested lists, or split it.`,
              { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', cost, budget: limits.maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

export const RequestTimeoutCode = 'REQUEST_TIMEOUT';

/**
 * Stops resolving fields once a request has run `requestTimeoutMs`: every
 * field resolved after that fails with REQUEST_TIMEOUT, and the response keeps
 * one such error. Database queries have their own `maxTimeMS`, so no field
 * waits longer than that on the database.
 */
export function requestTimeoutPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const deadline = Date.now() + limits.requestTimeoutMs;
      let timedOut = false;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) {
                timedOut = true;
                throw new GraphQLError(`The request ran longer than its limit of ${limits.requestTimeoutMs} ms; ask for less.`, {
                  extensions: { code: RequestTimeoutCode, http: { status: 503 } },
                });
              }
            },
          };
        },
        async willSendResponse({ response }) {
          if (!timedOut || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors;
          const first = errors.findIndex((error) => error.extensions?.code === RequestTimeoutCode);
          response.body.singleResult.errors = errors.filter((error, i) => error.extensions?.code !== RequestTimeoutCode || i === first);
        },
      };
    },
  };
}
