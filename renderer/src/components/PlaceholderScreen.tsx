import { ScreenHeading } from './ScreenHeading.tsx';

/** A screen a later release fills; it says in one line what will be there. */
export function PlaceholderScreen({ title, plan }: { title: string; plan: string }) {
  return (
    <section className="screen">
      <ScreenHeading>{title}</ScreenHeading>
      <p className="placeholder-plan">{plan}</p>
    </section>
  );
}
