import { Outlet } from 'react-router';
import { useSession } from '../features/auth/auth-context.js';
import { Brand } from './brand.js';
import { LanguageSwitch } from './language-switch.js';
import { useLayoutStyles } from './layout-styles.js';
import { MainNav } from './main-nav.js';
import { useIsNarrowScreen } from './narrow-screen.js';
import { NavMenu } from './nav-menu.js';
import { NavigationProgress } from './page-loading.js';
import { SkipLink } from './skip-link.js';
import { UserMenu } from './user-menu.js';

/**
 * The signed-in frame: a skip link, the top bar (product, role-based navigation, language, user menu) and one
 * <main>. On a phone the navigation is a menu.
 */
export function AppShell() {
  const styles = useLayoutStyles();
  const { access } = useSession();
  const isNarrow = useIsNarrowScreen();
  return (
    <div className={styles.page}>
      <SkipLink />
      <NavigationProgress />
      <header className={styles.header}>
        {isNarrow && <NavMenu access={access} />}
        <Brand />
        {!isNarrow && <MainNav access={access} />}
        <div className={styles.spacer} />
        <div className={styles.tools}>
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
