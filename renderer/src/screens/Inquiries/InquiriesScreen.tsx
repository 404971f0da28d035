import { PlaceholderScreen } from '../../components/PlaceholderScreen.tsx';

export function InquiriesScreen() {
  return (
    <PlaceholderScreen
      title="問い合わせ"
      plan="医療機関からの問い合わせや相談を記録し、担当者の間で引き継げるようになります（準備中）"
    />
  );
}
