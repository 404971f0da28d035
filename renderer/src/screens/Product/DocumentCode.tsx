import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';

/** The approved flyer's document code and date, as the flyer prints them: every solicitation view carries it. */
export function DocumentCode({ document, className }: { document: ContentPack['document']; className?: string }) {
  return (
    <p className={className ? `document-code ${className}` : 'document-code'}>
      （ {document.code} {document.createdLabel} ）
    </p>
  );
}
