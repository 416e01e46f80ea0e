import { makeStyles, Select, tokens } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/auth-context.js';
import { useSaveLanguage } from '../features/preferences/preference-queries.js';
import { isLanguage, languages, switchLanguage } from '../i18n/index.js';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground2 },
});

/**
 * English/Svenska; i18n/index.ts remembers the choice in this browser and updates <html lang>, and for someone
 * signed in the account remembers it too (their emails are written in it).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const { session } = useAuth();
  const { mutate: save } = useSaveLanguage();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const choose = (language: string) => {
    if (!isLanguage(language)) return;
    void switchLanguage(i18n, language);
    // A token-authenticated session has no CSRF token to write with; the browser's choice still holds.
    if (session?.authenticatedBy === 'session') save(language);
  };
  return (
    <div className={styles.root}>
      <LocalLanguageRegular className={styles.icon} aria-hidden="true" />
      <Select
        id={id}
        size="small"
        aria-label={t('language.label')}
        data-testid="language-switch"
        value={current}
        onChange={(_event, data) => choose(data.value)}
      >
        {languages.map((language) => (
          // Each option names its language in that language, and says so for screen readers.
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
