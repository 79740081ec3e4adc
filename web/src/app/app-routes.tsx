import { Spin } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiTokensPage } from '../pages/api-tokens-page';
import { BillingPage } from '../pages/billing-page';
import { ContractsPage } from '../pages/contracts-page';
import { LoginPage } from '../pages/login-page';
import { ObjectsPage } from '../pages/objects-page';
import { PartnersPage } from '../pages/partners-page';
import { SessionsPage } from '../pages/sessions-page';
import { TariffsPage } from '../pages/tariffs-page';
import { UsersPage } from '../pages/users-page';
import { AppLayout } from './app-layout';
import { useSession } from './session';

export function AppRoutes() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/partners" element={<PartnersPage />} />
        <Route path="/contracts" element={<ContractsPage />} />
        <Route path="/objects" element={<ObjectsPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/tariffs" element={<TariffsPage />} />
        <Route path="/sessions" element={<SessionsPage />} />
        <Route path="/api-tokens" element={<ApiTokensPage />} />
        {user.role === 'super_admin' && <Route path="/billing" element={<BillingPage />} />}
        <Route path="*" element={<Navigate to="/partners" replace />} />
      </Route>
    </Routes>
  );
}
