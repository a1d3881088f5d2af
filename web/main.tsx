import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { installPlainMessages } from '../contracts/messages.ts';
import { ApiError } from './api/client.ts';
import { webI18n } from './i18n.ts';
import { router } from './routes.tsx';
import './styles.css';

// A form that checks a value against a contract's schema says what to do in plain words.
installPlainMessages();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Some words in the server's answers are written in the page's language (a case's stage, its next
// step, its deadlines): when the language changes, what is shown is asked for again in the new one.
webI18n.on('languageChanged', () => void queryClient.invalidateQueries());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={webI18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
