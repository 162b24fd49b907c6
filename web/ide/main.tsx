import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { exampleOperations } from './examples';

// Same origin, JSON body: the fetcher sends `content-type: application/json`,
// which is what lets the request past Apollo Server's CSRF prevention.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

const container = document.getElementById('graphiql');
if (!container) throw new Error('The IDE page has no element with id "graphiql" to render into.');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={exampleOperations.map((query) => ({ query }))}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
