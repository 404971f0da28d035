import { PlaceholderScreen } from '../../components/PlaceholderScreen.tsx';

export function PrintScreen() {
  return (
    <PlaceholderScreen
      title="印刷"
      plan="チラシ・申込書・FAX送付状などを、医療機関の情報を入れて印刷できるようになります（準備中）"
    />
  );
}
