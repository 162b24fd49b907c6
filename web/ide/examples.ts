/**
 * The example operations of docs/examples, which the README shows too, as
 * GraphiQL's first tabs. Files are numbered so the tabs keep the README's order.
 */
const files = import.meta.glob<string>('../../docs/examples/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const exampleOperations: string[] = Object.keys(files)
  .sort()
  .map((file) => files[file]!);
