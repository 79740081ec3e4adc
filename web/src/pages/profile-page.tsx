import { ProfileSection } from '../modules/profile/public';

export function ProfilePage() {
  return <ProfileSection />;
}
