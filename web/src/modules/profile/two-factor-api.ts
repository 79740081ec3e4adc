import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../app/api-client';
import type { RecoveryCodes, TwoFactorSecret } from './two-factor-types';

/*
 * The user's own two-factor sign-in. Nothing of it is cached: the secret and the recovery codes are
 * shown from the answer that brought them and are gone when the part is left.
 */

export const useStartTwoFactorSetup = () =>
  useMutation({ mutationFn: () => apiRequest<TwoFactorSecret>('POST', '/auth/two-factor/setup') });

export const useEnableTwoFactor = () =>
  useMutation({
    mutationFn: (code: string) => apiRequest<RecoveryCodes>('POST', '/auth/two-factor/enable', { code }),
  });

export const useDisableTwoFactor = () =>
  useMutation({
    mutationFn: (code: string) => apiRequest<undefined>('DELETE', '/auth/two-factor', { code }),
  });
