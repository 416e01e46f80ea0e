import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client.js';
import { AuthProvider } from './features/auth/auth-context.js';
import { AccountLanguage } from './features/preferences/account-language.js';
import { createRouter } from './routes.js';

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

/** Providers, outermost first: theme, data cache, session, then the router that renders pages. */
export function App() {
  useGlobalStyles();
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    // FluentProvider's dir/lang follow the chosen language so portals (dialogs, popovers) match the page.
    <FluentProvider theme={webLightTheme} lang={i18n.resolvedLanguage ?? 'en'}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <AccountLanguage />
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </FluentProvider>
  );
}
