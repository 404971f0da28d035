import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import { monthlyPremiumOf, ratedKinds, type RateTable, type RatedKind } from '../content/rateTableSchema.ts';
import { clinicKindLabels } from '../domain/clinic.ts';
import { mmToPt, theme } from './theme.ts';
import { faxTableLayout } from './faxRules.ts';

const yen = new Intl.NumberFormat('ja-JP');

const rules = faxTableLayout(4, 3);

function heading(text: string): Content {
  return { text, fontSize: 14, bold: true, margin: [0, 8, 0, 3] };
}

/** A header and its body kept on one page: a section title never ends a page alone. */
function section(...body: Content[]): Content {
  return { stack: body, unbreakable: true };
}

/** Boxes in a grid, for the attack types and the impacts. */
function boxGrid(items: readonly string[], columns: number, fontSize: number): Content {
  const rows: Content[][] = [];
  for (let i = 0; i < items.length; i += columns) {
    const row: Content[] = items.slice(i, i + columns).map((text) => ({ text, alignment: 'center', fontSize, bold: true, margin: [0, 3, 0, 3] }));
    while (row.length < columns) row.push({ text: '' });
    rows.push(row);
  }
  return { table: { widths: Array.from({ length: columns }, () => '*'), body: rows }, layout: rules };
}

/** A figure for the printed table; a plan without its own premium stops the print rather than showing 「NaN円」. */
function officialPremium(rates: RateTable, kind: RatedKind, planId: string): number {
  const monthly = monthlyPremiumOf(rates, kind, planId);
  if (monthly === undefined) throw new Error(`plan ${planId} has no premium in rate table ${rates.version}`);
  return monthly;
}

function premiumSection(pack: ContentPack, rates: RateTable): Content {
  const { premium } = pack;
  // A sample table is for staff practice only: no figure of it may reach a customer.
  const figures: Content =
    rates.status === 'confirmed'
      ? {
          table: {
            widths: ['*', ...rates.plans.map(() => '*')],
            headerRows: 1,
            body: [
              [{ text: '', border: [true, true, true, true] }, ...rates.plans.map((p) => ({ text: p.name, bold: true, alignment: 'center' as const }))],
              ...ratedKinds.map((kind) => [
                { text: clinicKindLabels[kind], bold: true },
                ...rates.plans.map((p) => ({ text: `${yen.format(officialPremium(rates, kind, p.id))}円`, alignment: 'right' as const })),
              ]),
            ],
          },
          layout: rules,
          margin: [0, 4, 0, 4],
        }
      : {
          table: { widths: ['*'], body: [[{ text: '保険料はお問い合わせください', fontSize: 16, bold: true, alignment: 'center', margin: [0, 6, 0, 6] }]] },
          layout: rules,
          margin: [0, 4, 0, 4],
        };
  return section(heading(premium.title), { text: `${premium.scope} ${premium.conditionsLabel}`, fontSize: 11 }, figures, { text: premium.askAgencyNote, fontSize: 10.5 });
}

function incidentTable(pack: ContentPack): Content {
  const { items, columns } = pack.incidentCase;
  const body: TableCell[][] = [columns.map((c) => ({ text: c, bold: true, alignment: 'center' as const }))];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    // Consecutive rows of one 対応事項 share its cell, as on the flyer.
    let span = 1;
    while (items[i + span]?.category === item.category) span++;
    const categoryCell: TableCell =
      previous?.category === item.category ? { text: '' } : { text: item.category, bold: true, rowSpan: span };
    body.push([categoryCell, { text: item.description, fontSize: 10, lineHeight: 1.1 }, { text: item.amountLabel, bold: true, alignment: 'right', noWrap: true }]);
  });
  return { table: { widths: [mmToPt(30), '*', mmToPt(26)], headerRows: 1, body, dontBreakRows: true }, layout: rules };
}

function contactBlock(contact: ContentPack['contacts']['agency']): Content {
  return {
    stack: [
      { text: `【${contact.role}】`, bold: true },
      { text: [contact.organization, contact.branch ? ` ${contact.branch}` : ''], bold: true, fontSize: 12 },
      `〒${contact.postalCode} ${contact.address}`,
      `TEL ${contact.phone}\u3000FAX ${contact.fax}`,
      { text: `受付時間：${contact.hours}（${contact.closedDays}）`, fontSize: 10 },
    ],
    fontSize: 10.5,
  };
}

/**
 * The flyer (チラシ) from the content pack: the same for every recipient, with the document code
 * and date on every page. While the rate table is a sample, it prints no premium figure at all.
 */
export function buildFlyer(pack: ContentPack, rates: RateTable): TDocumentDefinitions {
  const documentLine = `${pack.document.code} ${pack.document.createdLabel}`;
  return {
    pageSize: theme.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm), mmToPt(theme.marginMm + 6)],
    info: { title: pack.productName, subject: documentLine, creator: pack.contacts.agency.organization },
    defaultStyle: { font: theme.fonts.text, fontSize: 11, color: 'black', lineHeight: 1.2 },
    footer: (currentPage, pageCount) => ({
      stack: [
        { text: pack.summaryNote, fontSize: theme.minFaxTextPt },
        { text: `（ ${documentLine} ）  ${currentPage} / ${pageCount}`, fontSize: theme.minFaxTextPt, alignment: 'right' },
      ],
      margin: [mmToPt(theme.marginMm), 0, mmToPt(theme.marginMm), 0],
    }),
    content: [
      {
        columns: [
          { text: pack.productName, fontSize: 24, bold: true, width: '*', margin: [0, 4, 0, 0] },
          {
            width: mmToPt(40),
            table: { widths: ['*'], body: [[{ stack: [{ text: pack.groupDiscount.label, bold: true }, { text: pack.groupDiscount.display, fontSize: 26, bold: true }], alignment: 'center' }]] },
            layout: { ...rules, hLineWidth: () => 2.5, vLineWidth: () => 2.5 },
          },
        ],
        columnGap: 10,
      },
      { stack: pack.introduction.map((p) => ({ text: p, margin: [0, 3, 0, 0] })), margin: [0, 8, 0, 0] },
      section(heading(pack.riskQuestion), { text: pack.attackTypesTitle, bold: true, margin: [0, 0, 0, 3] }, boxGrid(pack.attackTypes, 4, 11.5), { text: '', margin: [0, 4, 0, 0] }, boxGrid(pack.impacts, 3, 11.5)),
      premiumSection(pack, rates),
      section(
        { columns: [contactBlock(pack.contacts.insurer), contactBlock(pack.contacts.agency)], columnGap: 12, margin: [0, 12, 0, 0] },
        { text: pack.insurerWebsite, fontSize: 10, margin: [0, 4, 0, 0] },
      ),
      // The flyer's second side: the incident case, what the insurance pays, the examples.
      { text: '', pageBreak: 'after' },
      section(heading(pack.incidentCase.title), { text: pack.incidentCase.summary, bold: true, margin: [0, 0, 0, 4] }, incidentTable(pack), { text: pack.incidentCase.closing, margin: [0, 4, 0, 0] }),
      section(
        ...pack.coverages.map((c): Content => ({
          stack: [c.description ? { text: c.description, margin: [0, 2, 0, 0] } : { text: '' }, { text: c.note, bold: true, margin: [0, 2, 0, 2] }],
        })),
      ),
      section(heading(pack.whyTargeted.title), { text: pack.whyTargeted.text, fontSize: 10, lineHeight: 1.15 }),
      // Each group of examples stays whole; the title stays with the first one.
      ...pack.damageExamples.groups.map((g, i): Content =>
        section(...(i === 0 ? [heading(pack.damageExamples.title)] : []), { text: g.heading, bold: true, margin: [0, 3, 0, 1] }, { ul: g.items, fontSize: 10, lineHeight: 1.15 }),
      ),
      section({ text: pack.inquiryPrompt, bold: true, margin: [0, 10, 0, 2] }, { text: pack.consent, fontSize: 10 }),
    ],
  };
}

