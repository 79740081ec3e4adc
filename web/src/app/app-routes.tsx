import { Spin } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiTokensPage } from '../pages/api-tokens-page';
import { BillingPage } from '../pages/billing-page';
import { ContractsPage } from '../pages/contracts-page';
import { HomePage } from '../pages/home-page';
import { LoginPage } from '../pages/login-page';
import { ObjectsPage } from '../pages/objects-page';
import { PartnersPage } from '../pages/partners-page';
import { SessionsPage } from '../pages/sessions-page';
import { ProfilePage } from '../pages/profile-page';
import { TariffsPage } from '../pages/tariffs-page';
import { StaffPage } from '../pages/staff-page';
import { UsersPage } from '../pages/users-page';
import type { ReactElement } from 'react';
import { AppLayout } from './app-layout';
import { useAllowedSections } from './sections';
import { useSession } from './session';

const pages: Record<string, ReactElement> = {
  '/home': <HomePage />,
  '/partners': <PartnersPage />,
  '/contracts': <ContractsPage />,
  '/objects': <ObjectsPage />,
  '/users': <UsersPage />,
  '/tariffs': <TariffsPage />,
  '/staff': <StaffPage />,
  '/billing': <BillingPage />,
};

/** The address a signed-out visit was sent to the login from, kept in the login page's state. */
function signedInFrom(state: unknown): string | undefined {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && from !== '/' && !from.startsWith('/login')
    ? from
    : undefined;
}

export function AppRoutes() {
  const { user, twoFactor, loading } = useSession();
  const location = useLocation();
  const allowed = useAllowedSections();
  if (loading) return <Spin fullscreen />;
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    );
  }
  // A partner requires two-factor sign-in and this user has not set it up: the profile, where it is
  // set up, is all the server lets it use. The profile stays mounted when enrolment ends, so the
  // recovery codes it shows once are not lost.
  const enrolmentPending = twoFactor !== null && twoFactor.required && !twoFactor.enabled;
  return (
    <Routes>
      <Route element={<AppLayout enrolmentPending={enrolmentPending} />}>
        <Route path="/profile" element={<ProfilePage />} />
        {enrolmentPending ? (
          <Route path="*" element={<Navigate to="/profile" replace />} />
        ) : (
          <>
            {allowed.map((section) => (
              <Route key={section.path} path={section.path} element={pages[section.path]} />
            ))}
            <Route path="/sessions" element={<SessionsPage />} />
            <Route path="/api-tokens" element={<ApiTokensPage />} />
            {/*
              After signing in, the page the user was sent to the login from (a link it followed); else
              the first section it may open (the home page); one with no section still has its sessions.
            */}
            <Route
              path="*"
              element={
                <Navigate to={signedInFrom(location.state) ?? allowed[0]?.path ?? '/sessions'} replace />
              }
            />
          </>
        )}
      </Route>
    </Routes>
  );
}
