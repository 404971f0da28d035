import { PlaceholderScreen } from '../../components/PlaceholderScreen.tsx';

export function QuoteScreen() {
  return (
    <PlaceholderScreen
      title="保険料試算"
      plan="医療機関の種別や規模を選んで、保険料をその場で試算できるようになります（準備中）"
    />
  );
}
