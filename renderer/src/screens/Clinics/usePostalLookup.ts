import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { parsePostalCode } from '../../../../shared/text/postalCode.ts';
import { queries } from '../../query/queries.ts';

/**
 * 郵便番号 to 所在地: a complete code typed is looked up, and the answer for the code typed last
 * is handed to `fill` once; an answer for an older code never is. The lookup only saves typing:
 * when it finds nothing, the note says 所在地 is typed by hand.
 */
export function usePostalLookup(fill: (address: string) => void) {
  const [note, setNote] = useState<string | null>(null);
  // The postal code typed last (complete), and the one whose address was last put in 所在地.
  const [lookup, setLookup] = useState('');
  const [applied, setApplied] = useState('');
  const postal = useQuery({ ...queries.postalAddress(lookup), enabled: lookup !== '' });

  if (lookup !== '' && lookup !== applied && postal.data !== undefined) {
    const address = postal.data;
    setApplied(lookup);
    if (address === '') {
      setNote('この郵便番号の住所は見つかりませんでした。所在地を入力してください');
    } else {
      setNote(null);
      fill(address);
    }
  }

  return {
    note,
    clearNote: () => setNote(null),
    lookUp(text: string) {
      const parsed = parsePostalCode(text);
      if (parsed.ok && parsed.value !== '') setLookup(parsed.value);
    },
  };
}
