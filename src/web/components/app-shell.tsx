import { Outlet } from 'react-router';
import { useSession } from '../features/auth/auth-context.js';
import { Brand } from './brand.js';
import { LanguageSwitch } from './language-switch.js';
import { useLayoutStyles } from './layout-styles.js';
import { MainNav } from './main-nav.js';
import { NavigationProgress } from './page-loading.js';
import { UserMenu } from './user-menu.js';

/** The signed-in frame: top bar (product, role-based navigation, language, user menu) and one <main>. */
export function AppShell() {
  const styles = useLayoutStyles();
  const { access } = useSession();
  return (
    <div className={styles.page}>
      <NavigationProgress />
      <header className={styles.header}>
        <Brand />
        <MainNav access={access} />
        <div className={styles.spacer} />
        <div className={styles.tools}>
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
