import { HomeSection } from '../modules/home/public';

export function HomePage() {
  return <HomeSection />;
}
