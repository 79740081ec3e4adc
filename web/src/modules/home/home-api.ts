import type { HomeResponse } from '@server-schemas/home/home.schemas';
import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { apiGet } from '../../app/api-client';

export type HomeOverview = Static<typeof HomeResponse>;

/** GET /home: what needs attention today; read afresh each time the page is opened. */
export const useHomeOverview = () =>
  useQuery({ queryKey: ['home'], queryFn: () => apiGet<HomeOverview>('/home'), refetchOnMount: 'always' });
