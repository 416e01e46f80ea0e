// English is the source dictionary: sv.ts is typed against this shape, and test/unit/i18n-keys.test.ts
// checks both ways at run time. Keep the e2e-facing names (Email, Password, Sign in, Sign out, API tokens,
// Create token, Revoke) exactly as they are.
export const en = {
  app: {
    name: 'cosell',
    tagline:
      'Co-sell profiles for marketplace offers: one place for publishers, sellers and channel resellers.',
    loading: 'Loading…',
  },
  language: { label: 'Language', en: 'English', sv: 'Svenska' },
  nav: {
    label: 'Main',
    home: 'Home',
    offers: 'Offers',
    catalog: 'Catalogue',
    reviews: 'Review queue',
    admin: 'Administration',
  },
  userMenu: { signedInAs: 'Signed in as {{email}}', apiTokens: 'API tokens', signOut: 'Sign out' },
  signIn: {
    title: 'Sign in',
    heading: 'Sign in to cosell',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Could not sign you in',
  },
  validation: {
    emailRequired: 'Enter your email address',
    passwordRequired: 'Enter your password',
    tokenNameRequired: 'Name the token',
    expiryInvalid: 'Enter a date such as 2027-01-31',
    expiryInPast: 'Choose a date after today',
  },
  errors: {
    title: 'Something went wrong',
    requestId: 'Request ID: {{requestId}}',
    network: 'Could not reach cosell. Check your connection and try again.',
    retry: 'Try again',
  },
  home: { title: 'Home', heading: 'Welcome, {{name}}' },
  offers: {
    heading: 'Your offers',
    role: 'Your role: {{role}}',
    emptyTitle: 'Offers arrive soon',
    emptyBody:
      'Soon you can create the co-sell profiles of {{organization}} here and see how ready they are.',
  },
  memberRoles: { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' },
  platformRoles: {
    seller: 'Seller',
    channelReseller: 'Channel reseller',
    reviewer: 'Reviewer',
    admin: 'Administrator',
  },
  catalog: {
    heading: 'Co-sell catalogue',
    emptyTitle: 'No co-sell offers yet',
    emptyBody:
      'When publishers mark their offers as co-sell ready, they are listed here with the solution areas, industries and contacts you need to sell them together.',
    taxonomy: 'Taxonomy version {{version}}',
  },
  reviews: {
    heading: 'Review queue',
    emptyTitle: 'Nothing to review',
    emptyBody: 'Co-sell profiles that publishers submit for review appear here.',
  },
  admin: {
    heading: 'Administration',
    users: {
      heading: 'Users',
      name: 'Name',
      email: 'Email address',
      roles: 'Platform roles',
      organizations: 'Organisations',
      created: 'Created',
      empty: 'No users yet.',
    },
    organizations: {
      heading: 'Organisations',
      name: 'Name',
      members: 'Members',
      created: 'Created',
      empty: 'No organisations yet.',
    },
    none: 'None',
  },
  tokens: {
    title: 'API tokens',
    intro:
      'API tokens let scripts and the cosell command line act on your behalf. Treat them like passwords and revoke those you no longer use.',
    create: 'Create token',
    empty: 'You have no API tokens yet.',
    tableLabel: 'Your API tokens',
    columns: {
      name: 'Name',
      prefix: 'Starts with',
      created: 'Created',
      expires: 'Expires',
      lastUsed: 'Last used',
      actions: 'Actions',
    },
    never: 'Never',
    revoke: 'Revoke',
    cancel: 'Cancel',
    createDialog: {
      title: 'Create token',
      name: 'Name',
      nameHint: 'What the token is for, such as "CI import".',
      expires: 'Expiry date (optional)',
      expiresHint: 'The token stops working at the start of this day (UTC). Leave empty for no expiry.',
      submit: 'Create token',
      submitting: 'Creating…',
    },
    created: {
      title: 'Token created',
      warningTitle: 'Copy the token now',
      warning: 'It will not be shown again. If you lose it, revoke it and create a new one.',
      label: 'Your new token',
      copy: 'Copy',
      copied: 'Copied',
      copyFailed: 'Could not copy. Select the token and copy it yourself.',
      done: 'Done',
    },
    revokeDialog: {
      title: 'Revoke token?',
      body: '"{{name}}" stops working immediately. Scripts that use it will be refused. This cannot be undone.',
      submitting: 'Revoking…',
    },
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    home: 'Go to the home page',
  },
  notAllowed: {
    title: 'No access',
    appHeading: "You don't have access to cosell",
    appBody:
      'You are signed in, but your account has no role in cosell and belongs to no publisher organisation. Ask your organisation administrator or your cosell contact to give you access.',
    pageHeading: "You don't have access to this page",
    pageBody: 'Your account does not have the role this page needs.',
    home: 'Go to the home page',
  },
};

export type Dictionary = typeof en;
