import { AssistantPage } from './assistant/assistant-page.js';
import { CatalogPage } from './catalog/catalog-page.js';
import { InboxPage } from './inbox/inbox-page.js';
import { LabPage } from './lab/lab-page.js';
import { SimilarityPage } from './similarity-page.js';
import { type Route, useHashRoute } from './use-hash-route.js';

const pages: { route: Route; href: string; title: string }[] = [
  { route: 'similarity', href: '#/', title: 'Similarity' },
  { route: 'inbox', href: '#/inbox', title: 'Support inbox' },
  { route: 'assistant', href: '#/assistant', title: 'Support assistant' },
  { route: 'catalog', href: '#/catalog', title: 'Help centre' },
  { route: 'lab', href: '#/lab', title: 'Model lab' },
];

/**
 * The playground: a similarity page, a support inbox, a support assistant (device first, the LLM
 * proxy when the escalation policy says so), a help centre (search and recommendations) and a
 * model lab, switched by hash routes.
 *
 * @example
 * <OnDeviceProvider client={createClient()}><App /></OnDeviceProvider>
 */
export function App() {
  const route = useHashRoute();
  return (
    <main className="playground">
      <header>
        <h1>ondevice playground</h1>
        <p>
          Embeddings, sentiment and intent classification computed in your browser with the
          Universal Sentence Encoder lite; in the model lab, Transformers.js models for entities and
          text generation too. No text leaves this device, except a draft you confirm on the support
          assistant page, and only after its personal data is masked.
        </p>
        <nav aria-label="Pages" className="page-nav">
          {pages.map((page) => (
            <a
              key={page.route}
              href={page.href}
              data-testid={`nav-${page.route}`}
              aria-current={route === page.route ? 'page' : undefined}
            >
              {page.title}
            </a>
          ))}
        </nav>
      </header>
      {route === 'inbox' ? (
        <InboxPage />
      ) : route === 'assistant' ? (
        <AssistantPage />
      ) : route === 'lab' ? (
        <LabPage />
      ) : route === 'catalog' ? (
        <CatalogPage />
      ) : (
        <SimilarityPage />
      )}
    </main>
  );
}
