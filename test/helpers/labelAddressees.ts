import type { LabelAddressee } from '../../shared/documents/addressLabelLayout.ts';

/** Addresses as clinics in 鹿児島県 write them: 番地 and 号, many with a building and floor after a blank. */
export const kagoshimaPlaces: readonly { postalCode: string; address: string }[] = [
  { postalCode: '8994301', address: '鹿児島県霧島市国分中央三丁目45番1号 国分メディカルビル2階' },
  { postalCode: '890-0053', address: '鹿児島県鹿児島市中央町10番地 キャンセビル5階' },
  { postalCode: '892-0816', address: '鹿児島県鹿児島市山下町11-1 鹿児島県医師会館3階' },
  { postalCode: '895-0061', address: '鹿児島県薩摩川内市御陵下町27番23号 川内駅前メディカルモール201号室' },
  { postalCode: '893-0009', address: '鹿児島県鹿屋市大手町12番20号 鹿屋中央クリニックビル1階' },
  { postalCode: '899-6201', address: '鹿児島県姶良郡湧水町北方1905番地1' },
  { postalCode: '896-0015', address: '鹿児島県いちき串木野市旭町102番地 串木野ビル2F' },
  { postalCode: '891-3701', address: '鹿児島県熊毛郡南種子町中之上1700番地22' },
  { postalCode: '890-0062', address: '鹿児島県鹿児島市与次郎二丁目4番35号 KSC鴨池ビル4階' },
  { postalCode: '897-0215', address: '鹿児島県南九州市川辺町平山3815番地' },
];

/** Names from short to a 医療法人 with its full 会 name. */
export const clinicNames = ['鹿児島中央町眼科', '医療法人 慈風会 国分中央内科クリニック', '医療法人社団 鶴陵会 鹿児島県医師会館診療所'] as const;
/** No one named (御中), a name, and a title with a name. */
export const contactPersons = ['', '山田 太郎', '事務長 鈴木 一郎'] as const;

/** Every place with every name and every person: what a mailing to the whole register meets. */
export const realisticAddressees: LabelAddressee[] = kagoshimaPlaces.flatMap((place) =>
  clinicNames.flatMap((name) => contactPersons.map((person) => ({ ...place, name, person }))),
);
