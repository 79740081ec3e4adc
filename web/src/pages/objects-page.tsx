import { ObjectsSection } from '../modules/objects/objects-section';

export function ObjectsPage() {
  return <ObjectsSection />;
}
