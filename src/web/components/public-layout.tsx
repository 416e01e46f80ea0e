import { Outlet } from 'react-router';
import { Brand } from './brand.js';
import { LanguageSwitch } from './language-switch.js';
import { useLayoutStyles } from './layout-styles.js';
import { NavigationProgress } from './page-loading.js';
import { SkipLink } from './skip-link.js';

/** The frame for people who are not signed in: a skip link, product name, language switch and one <main>. */
export function PublicLayout() {
  const styles = useLayoutStyles();
  return (
    <div className={styles.page}>
      <SkipLink />
      <NavigationProgress />
      <header className={styles.header}>
        <Brand />
        <div className={styles.spacer} />
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
