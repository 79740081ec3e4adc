import { SectionPage } from '../../ui/section-page';
import { ObjectsList } from './objects-list';

/** The Objects section: every object of the caller's subtree. */
export function ObjectsSection() {
  return (
    <SectionPage name="objects">
      <ObjectsList />
    </SectionPage>
  );
}
