import { PlaceholderScreen } from '../../components/PlaceholderScreen.tsx';

export function ProductScreen() {
  return (
    <PlaceholderScreen title="商品説明" plan="チラシの内容に沿って、商品の説明を画面で行えるようになります（準備中）" />
  );
}
