import { useId } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';

type Contact = ContentPack['contacts']['agency'];

interface ContactCardProps {
  contact: Contact;
  /** The insurer's web address, shown as text (the app opens no web pages). */
  website?: string;
  className?: string;
}

/** One contact from the flyer: role, name, address, TEL, FAX and hours, worded as the flyer words them. */
export function ContactCard({ contact, website, className }: ContactCardProps) {
  const titleId = useId();
  return (
    <section className={className ? `contact-card ${className}` : 'contact-card'} aria-labelledby={titleId}>
      <p className="contact-role">【{contact.role}】</p>
      <h3 id={titleId} className="contact-name">
        {contact.organization}
        {contact.branch && <span className="contact-branch">{contact.branch}</span>}
      </h3>
      <dl className="contact-list">
        <dt>住所</dt>
        <dd>
          〒{contact.postalCode} {contact.address}
        </dd>
        <dt>TEL</dt>
        <dd className="contact-number">{contact.phone}</dd>
        <dt>FAX</dt>
        <dd className="contact-number">{contact.fax}</dd>
        <dt>受付時間</dt>
        <dd>
          {contact.hours}（{contact.closedDays}）
        </dd>
        {website && (
          <>
            <dt>ウェブサイト</dt>
            <dd className="contact-web">{website}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
