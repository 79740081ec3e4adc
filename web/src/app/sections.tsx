import {
  CalculatorOutlined,
  CarOutlined,
  DollarOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useCan, useSession, type Right } from './session';

export interface Section {
  path: string;
  /** Its name in the navigation's texts (`nav.<name>`). */
  name: string;
  icon: ReactNode;
  /** What a user must hold to see it (the server refuses the rest anyway). */
  right: Right | 'super_admin' | 'signed_in';
}

/** The admin panel's sections in the navigation's order, each with the right it needs. */
export const sections: readonly Section[] = [
  // What needs attention today: every user's landing page; each part shows by its own right.
  { path: '/home', name: 'home', icon: <HomeOutlined />, right: 'signed_in' },
  { path: '/partners', name: 'partners', icon: <TeamOutlined />, right: 'partners:read' },
  { path: '/contracts', name: 'contracts', icon: <FileTextOutlined />, right: 'contracts:read' },
  { path: '/objects', name: 'objects', icon: <CarOutlined />, right: 'objects:read' },
  { path: '/users', name: 'users', icon: <UserOutlined />, right: 'users:read' },
  { path: '/tariffs', name: 'tariffs', icon: <DollarOutlined />, right: 'tariffs:read' },
  { path: '/staff', name: 'staff', icon: <IdcardOutlined />, right: 'staff:read' },
  // Billing runs charge every partner's clients: the super administrator's business only.
  { path: '/billing', name: 'billing', icon: <CalculatorOutlined />, right: 'super_admin' },
];

/** The sections the signed-in user may open, in the navigation's order. */
export function useAllowedSections(): readonly Section[] {
  const { user } = useSession();
  const can = useCan();
  return sections.filter((section) =>
    section.right === 'signed_in'
      ? true
      : section.right === 'super_admin'
        ? user?.role === 'super_admin'
        : can(section.right),
  );
}
