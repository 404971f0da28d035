import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { PackText } from '../../components/ScreenText.tsx';

/** The approved flyer's document code and date, as the flyer prints them: every view of the flyer's words carries it. */
export function DocumentCode({ pack, className }: { pack: ContentPack; className?: string }) {
  return (
    <p className={className ? `document-code ${className}` : 'document-code'}>
      （ <PackText pack={pack} path="document.code" /> <PackText pack={pack} path="document.createdLabel" /> ）
    </p>
  );
}
