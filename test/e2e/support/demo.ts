/** The demo installation as its README presents it: who can sign in, and to which organisation. */
export const demoUsers = [
  { email: 'owner@contoso.example', name: 'Olivia Owner' },
  { email: 'editor@contoso.example', name: 'Erik Editor' },
  { email: 'viewer@contoso.example', name: 'Vera Viewer' },
  { email: 'owner@fabrikam.example', name: 'Felix Fabrikam' },
  { email: 'seller@vendor.example', name: 'Sam Seller' },
  { email: 'reseller@reseller.example', name: 'Rita Reseller' },
  { email: 'reviewer@vendor.example', name: 'Rune Reviewer' },
  { email: 'admin@vendor.example', name: 'Ada Admin' },
] as const;

export const demoOrganizations = ['Contoso', 'Fabrikam'] as const;
