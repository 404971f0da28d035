import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { monthlyPremiumOf, ratedKinds, type RateTable, type RatedKind } from '../content/rateTableSchema.ts';
import { mmToPt, theme } from './theme.ts';
import { faxTableLayout } from './faxRules.ts';
import { formLabels } from './formLabels.ts';
import { labelText, packText, rateText, recordText, type PackPath, type TracedText } from './textOrigin.ts';

const yen = new Intl.NumberFormat('ja-JP');

const rules = faxTableLayout(4, 3);

function heading(pack: ContentPack, path: PackPath): Content {
  return packText(pack, path, { fontSize: 14, bold: true, margin: [0, 5, 0, 2] });
}

/** A header and its body kept on one page: a section title never ends a page alone. */
function section(...body: Content[]): Content {
  return { stack: body, unbreakable: true };
}

/** Boxes in a grid, for the attack types and the impacts. */
function boxGrid(items: readonly TracedText[], columns: number, fontSize: number): Content {
  const rows: Content[][] = [];
  for (let i = 0; i < items.length; i += columns) {
    const row: Content[] = items.slice(i, i + columns).map((item) => ({ ...item, alignment: 'center', fontSize, bold: true, margin: [0, 3, 0, 3] }));
    while (row.length < columns) row.push({ text: '' });
    rows.push(row);
  }
  return { table: { widths: Array.from({ length: columns }, () => '*'), body: rows }, layout: rules };
}

/** Whether the flyer can only be a specimen: its premium table is not the insurer's yet. */
export const isSpecimenFlyer = (rates: Pick<RateTable, 'status'>) => rates.status !== 'confirmed';

/** A figure for the printed table; a plan without its own premium stops the print rather than showing 「NaN円」. */
function officialPremium(rates: RateTable, kind: RatedKind, planId: string): TracedText {
  if (monthlyPremiumOf(rates, kind, planId) === undefined) throw new Error(`plan ${planId} has no premium in rate table ${rates.version}`);
  return rateText(rates, `monthlyPremiums.${kind}.${planId}`, (v) => `${yen.format(Number(v))}円`, { alignment: 'right' });
}

function premiumSection(pack: ContentPack, rates: RateTable): Content {
  // A sample table is for staff practice only: no figure of it may reach a customer, and the
  // specimen says so in the table's place instead of inventing a sentence about the premium.
  const figures: Content = isSpecimenFlyer(rates)
    ? {
        table: { widths: ['*'], body: [[labelText('specimenPremiums', { fontSize: 12, bold: true, alignment: 'center', margin: [0, 6, 0, 6] })]] },
        layout: rules,
        margin: [0, 4, 0, 4],
      }
    : {
        table: {
          widths: ['*', ...rates.plans.map(() => '*')],
          headerRows: 1,
          body: [
            [{ text: '', border: [true, true, true, true] }, ...rates.plans.map((p, i) => rateText(rates, `plans.${i}.name`, String, { bold: true, alignment: 'center' }))],
            ...ratedKinds.map((kind) => [labelText(`kind.${kind}`, { bold: true }), ...rates.plans.map((p) => officialPremium(rates, kind, p.id))]),
          ],
        },
        layout: rules,
        margin: [0, 4, 0, 4],
      };
  return section(
    heading(pack, 'premium.title'),
    { text: [packText(pack, 'premium.scope'), ' ', packText(pack, 'premium.conditionsLabel')], fontSize: 11 },
    figures,
    packText(pack, 'premium.askAgencyNote', { fontSize: 10.5 }),
  );
}

function incidentTable(pack: ContentPack): Content {
  const { items } = pack.incidentCase;
  const body: TableCell[][] = [([0, 1, 2] as const).map((c) => packText(pack, `incidentCase.columns.${c}`, { bold: true, alignment: 'center' }))];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    // Consecutive rows of one 対応事項 share its cell, as on the flyer.
    let span = 1;
    while (items[i + span]?.category === item.category) span++;
    const categoryCell: TableCell = previous?.category === item.category ? { text: '' } : packText(pack, `incidentCase.items.${i}.category`, { bold: true, rowSpan: span });
    body.push([
      categoryCell,
      packText(pack, `incidentCase.items.${i}.description`, { fontSize: 10, lineHeight: 1.1 }),
      packText(pack, `incidentCase.items.${i}.amountLabel`, { bold: true, alignment: 'right', noWrap: true }),
    ]);
  });
  return { table: { widths: [mmToPt(30), '*', mmToPt(26)], headerRows: 1, body, dontBreakRows: true }, layout: rules };
}

function contactBlock(pack: ContentPack, who: 'insurer' | 'agency'): Content {
  const p = <K extends keyof ContentPack['contacts']['agency']>(key: K) => packText(pack, `contacts.${who}.${key}`);
  return {
    stack: [
      { text: ['【', p('role'), '】'], bold: true },
      { text: [p('organization'), ...(pack.contacts[who].branch ? [' ', p('branch')] : [])], bold: true, fontSize: 12 },
      { text: [labelText('postalMark'), p('postalCode'), ' ', p('address')] },
      { text: [labelText('tel'), ' ', p('phone'), '\u3000', labelText('fax'), ' ', p('fax')] },
      { text: [labelText('hours'), '：', p('hours'), '（', p('closedDays'), '）'], fontSize: 10 },
    ],
    fontSize: 10.5,
  };
}

/** The flyer's closing line: 「TEL:099-254-8126 FAX:099-257-1816 鹿児島県医師協同組合」. */
function closingContactLine(pack: ContentPack): Content {
  return {
    text: [labelText('tel'), ':', packText(pack, 'contacts.agency.phone'), ' ', labelText('fax'), ':', packText(pack, 'contacts.agency.fax'), '\u3000', packText(pack, 'contacts.agency.organization', { bold: true })],
    fontSize: 11,
    margin: [0, 2, 0, 0],
  };
}

/** 「見本」 in a box at the top of every page of a specimen. */
function specimenMark(): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[labelText('specimen', { fontSize: 18, bold: true, margin: [8, 0, 8, 0] })]] },
        layout: { hLineWidth: () => 2, vLineWidth: () => 2, paddingTop: () => 1, paddingBottom: () => 0 },
      },
    ],
    margin: [mmToPt(theme.marginMm), mmToPt(4), mmToPt(theme.marginMm), 0],
  };
}

/**
 * The flyer (チラシ) from the content pack, in the flyer's order and words: the same for every
 * recipient, with its code and date on every page. With the official rate table it is the
 * complete flyer, premium table included; while the table is a sample it is a specimen: 「見本」
 * on every page and no premium figure. Alone it ends, as the flyer does, with the agency's
 * contact line; the invitation to fill in the form below (「…下記にご記入のうえ…」) is printed
 * with the form, on the FAX問い合わせ票.
 */
export function buildFlyer(pack: ContentPack, rates: RateTable): TDocumentDefinitions {
  const specimen = isSpecimenFlyer(rates);
  const documentLine = `${pack.document.code} ${pack.document.createdLabel}`;
  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: specimen ? `${pack.productName}（${formLabels.specimen}）` : pack.productName, subject: documentLine, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 11, color: 'black', lineHeight: 1.2 },
    ...(specimen ? { header: () => specimenMark() } : {}),
    footer: (currentPage, pageCount) => ({
      stack: [
        packText(pack, 'summaryNote', { fontSize: theme.minFaxTextPt }),
        {
          text: ['（ ', packText(pack, 'document.code'), ' ', packText(pack, 'document.createdLabel'), ' ）  ', recordText('page', `${currentPage} / ${pageCount}`)],
          fontSize: theme.minFaxTextPt,
          alignment: 'right',
        },
      ],
      margin: [mmToPt(theme.marginMm), 0, mmToPt(theme.marginMm), 0],
    }),
    content: [
      ...(specimen ? [labelText('specimenNote', { fontSize: 10.5, bold: true, margin: [0, 0, 0, 6] })] : []),
      packText(pack, 'productName', { fontSize: 24, bold: true, margin: [0, 4, 0, 0] }),
      // The introduction with the group discount beside it, in the flyer's reading order.
      {
        columns: [
          { width: '*', stack: pack.introduction.map((_, i) => packText(pack, `introduction.${i}`, { margin: [0, 3, 0, 0] })) },
          {
            width: mmToPt(40),
            table: {
              widths: ['*'],
              body: [[{ stack: [packText(pack, 'groupDiscount.label', { bold: true }), packText(pack, 'groupDiscount.display', { fontSize: 26, bold: true })], alignment: 'center' }]],
            },
            layout: { ...rules, hLineWidth: () => 2.5, vLineWidth: () => 2.5 },
            margin: [0, 6, 0, 0],
          },
        ],
        columnGap: 10,
        margin: [0, 6, 0, 0],
      },
      section(
        heading(pack, 'riskQuestion'),
        packText(pack, 'attackTypesTitle', { bold: true, margin: [0, 0, 0, 3] }),
        boxGrid(pack.attackTypes.map((_, i) => packText(pack, `attackTypes.${i}`)), 4, 11.5),
        { text: '', margin: [0, 4, 0, 0] },
        boxGrid(pack.impacts.map((_, i) => packText(pack, `impacts.${i}`)), 3, 11.5),
      ),
      premiumSection(pack, rates),
      section({ columns: [contactBlock(pack, 'insurer'), contactBlock(pack, 'agency')], columnGap: 12, margin: [0, 12, 0, 0] }),
      // The flyer's second side: the incident case, what the insurance pays, the examples.
      { text: '', pageBreak: 'after' },
      section(
        heading(pack, 'incidentCase.title'),
        packText(pack, 'incidentCase.summary', { bold: true, margin: [0, 0, 0, 4] }),
        incidentTable(pack),
        packText(pack, 'incidentCase.closing', { margin: [0, 4, 0, 0] }),
      ),
      // Each coverage as the flyer prints it: one that explains itself stands under its own
      // heading (「損害賠償」), so its note cannot be read as referring to the case costs above.
      ...pack.coverages.map(
        (c, i): Content =>
          section(
            ...(c.description ? [heading(pack, `coverages.${i}.name`), packText(pack, `coverages.${i}.description`, { margin: [0, 2, 0, 0] })] : []),
            packText(pack, `coverages.${i}.note`, { bold: true, margin: [0, 2, 0, 2] }),
          ),
      ),
      section(heading(pack, 'whyTargeted.title'), packText(pack, 'whyTargeted.text', { fontSize: 10, lineHeight: 1.1 })),
      // Each group of examples stays whole; the title stays with the first one.
      ...pack.damageExamples.groups.map((g, i): Content =>
        section(
          ...(i === 0 ? [heading(pack, 'damageExamples.title')] : []),
          packText(pack, `damageExamples.groups.${i}.heading`, { bold: true, margin: [0, 3, 0, 1] }),
          { ul: g.items.map((_, j) => packText(pack, `damageExamples.groups.${i}.items.${j}`)), fontSize: 10, lineHeight: 1.1 },
        ),
      ),
      section(
        packText(pack, 'insurerWebsite', { fontSize: 10, margin: [0, 3, 0, 0] }),
        packText(pack, 'consent', { fontSize: 10, margin: [0, 4, 0, 0] }),
        closingContactLine(pack),
      ),
    ],
  };
}
