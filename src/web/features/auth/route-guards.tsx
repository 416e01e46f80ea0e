import { Navigate, Outlet, useLocation } from 'react-router';
import { AppShell } from '../../components/app-shell.js';
import { PublicLayout } from '../../components/public-layout.js';
import type { Access } from './access.js';
import { useAuth } from './auth-context.js';

/** Signed-in pages; anyone else goes to sign in with `?next=` pointing back here. */
export function RequireAuth() {
  const { session, signedOutOnPurpose } = useAuth();
  const location = useLocation();
  if (!session) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const next = signedOutOnPurpose ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <AppShell />;
}

/** A page for one role: without it the person sees the not-allowed page instead of a broken screen. */
export function RequireAccess({ need }: { need: keyof Omit<Access, 'hasAccess'> }) {
  const { access } = useAuth();
  if (!access?.[need]) return <Navigate to="/not-allowed" replace />;
  return <Outlet />;
}

/** For pages anyone may reach (the 404): inside the shell when signed in, a bare frame otherwise. */
export function SessionAwareLayout() {
  const { session } = useAuth();
  return session ? <AppShell /> : <PublicLayout />;
}
