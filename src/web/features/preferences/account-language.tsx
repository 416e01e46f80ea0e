import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, switchLanguage } from '../../i18n/index.js';
import { useAuth } from '../auth/auth-context.js';
import { useSaveLanguage } from './preference-queries.js';

/**
 * Keeps the app's language and the account's together: once someone is signed in, the language they chose
 * before (on any device) is applied; someone who never chose one keeps the page's language, which is saved
 * for them. Renders nothing.
 */
export function AccountLanguage() {
  const { i18n } = useTranslation();
  const { session } = useAuth();
  const { mutate: save } = useSaveLanguage();
  const settledFor = useRef<string | null>(null);
  const userId = session?.user.id ?? null;
  const stored = session?.user.locale ?? null;
  const canSave = session?.authenticatedBy === 'session';

  useEffect(() => {
    if (userId === null) {
      settledFor.current = null;
      return;
    }
    // Once per signed-in person: later changes come from the language switch, which saves them itself.
    if (settledFor.current === userId) return;
    settledFor.current = userId;
    const current = i18n.resolvedLanguage;
    if (stored !== null) {
      if (stored !== current && isLanguage(stored)) void switchLanguage(i18n, stored);
    } else if (canSave && isLanguage(current)) {
      save(current);
    }
  }, [userId, stored, canSave, i18n, save]);
  return null;
}
