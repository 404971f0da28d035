/**
 * The mark on every figure from a table the insurer has not confirmed: large, framed twice and
 * worded, so that it cannot be missed on screen or on a black-and-white copy.
 */
export function SampleStamp({ className }: { className?: string }) {
  return (
    <p className={className ? `sample-stamp ${className}` : 'sample-stamp'}>
      <strong>見本（実際の保険料ではありません）</strong>
    </p>
  );
}
