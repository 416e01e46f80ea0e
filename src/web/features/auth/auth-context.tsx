import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { LoginRequest } from '../../../domain/schemas/auth.js';
import { type Access, getAccess } from './access.js';
import { type Session, useSessionQuery, useSignInMutation, useSignOutMutation } from './auth-queries.js';

interface AuthContextValue {
  session: Session | null;
  access: Access | null;
  /** True until we know whether someone is signed in. */
  isLoading: boolean;
  /** Set when /me failed for a reason other than "not signed in" (server down, 5xx). */
  error: Error | null;
  /** True after the person signed out themselves, so the guard does not offer to return to the page. */
  signedOutOnPurpose: boolean;
  signIn: (credentials: LoginRequest) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const sessionQuery = useSessionQuery();
  const signInMutation = useSignInMutation();
  const signOutMutation = useSignOutMutation();
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false);
  const { mutateAsync: signInAsync } = signInMutation;
  const { mutateAsync: signOutAsync } = signOutMutation;

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      await signInAsync(credentials);
      setSignedOutOnPurpose(false);
    },
    [signInAsync],
  );

  const signOut = useCallback(async () => {
    setSignedOutOnPurpose(true);
    await signOutAsync().catch(() => undefined);
  }, [signOutAsync]);

  const session = sessionQuery.data ?? null;
  const value = useMemo<AuthContextValue>(
    () => ({
      session,
      access: session ? getAccess(session.user, session.memberships) : null,
      isLoading: sessionQuery.isPending,
      // A failed background refresh keeps the known session; only a first failure blocks the app.
      error: sessionQuery.data === undefined ? sessionQuery.error : null,
      signedOutOnPurpose,
      signIn,
      signOut,
    }),
    [
      session,
      sessionQuery.isPending,
      sessionQuery.data,
      sessionQuery.error,
      signedOutOnPurpose,
      signIn,
      signOut,
    ],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** For screens behind the route guard, where a session is certain. */
export function useSession(): Session & { access: Access } {
  const { session, access } = useAuth();
  if (!session || !access) throw new Error('useSession must be used behind <RequireAuth>');
  return { ...session, access };
}
