import { ObjectsSection } from '../modules/objects/public';

export function ObjectsPage() {
  return <ObjectsSection />;
}
