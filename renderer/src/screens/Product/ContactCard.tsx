import { useId } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { LabelText, PackText } from '../../components/ScreenText.tsx';

interface ContactCardProps {
  pack: ContentPack;
  which: keyof ContentPack['contacts'];
  /** The insurer's web address, shown as text (the app opens no web pages). */
  withWebsite?: boolean;
  className?: string;
}

/** One contact from the flyer: role, name, address, TEL, FAX and hours, worded as the flyer words them. */
export function ContactCard({ pack, which, withWebsite, className }: ContactCardProps) {
  const titleId = useId();
  const contact = pack.contacts[which];
  const at = `contacts.${which}` as const;
  return (
    <section className={className ? `contact-card ${className}` : 'contact-card'} aria-labelledby={titleId}>
      <p className="contact-role">
        【<PackText pack={pack} path={`${at}.role`} />】
      </p>
      <h3 id={titleId} className="contact-name">
        <PackText pack={pack} path={`${at}.organization`} />
        {contact.branch && (
          <span className="contact-branch">
            <PackText pack={pack} path={`${at}.branch`} />
          </span>
        )}
      </h3>
      <dl className="contact-list">
        <dt>
          <LabelText k="address" />
        </dt>
        <dd>
          〒<PackText pack={pack} path={`${at}.postalCode`} /> <PackText pack={pack} path={`${at}.address`} />
        </dd>
        <dt>
          <LabelText k="tel" />
        </dt>
        <dd className="contact-number">
          <PackText pack={pack} path={`${at}.phone`} />
        </dd>
        <dt>
          <LabelText k="fax" />
        </dt>
        <dd className="contact-number">
          <PackText pack={pack} path={`${at}.fax`} />
        </dd>
        <dt>
          <LabelText k="hours" />
        </dt>
        <dd>
          <PackText pack={pack} path={`${at}.hours`} />（<PackText pack={pack} path={`${at}.closedDays`} />）
        </dd>
        {withWebsite && (
          <>
            <dt>
              <LabelText k="website" />
            </dt>
            <dd className="contact-web">
              <PackText pack={pack} path="insurerWebsite" />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
