import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { ratedKinds, type RateTable } from '../../../shared/content/rateTableSchema.ts';
import { clinicKindLabels } from '../../../shared/domain/clinic.ts';

const yen = new Intl.NumberFormat('ja-JP');

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function premiumTable(rates: RateTable): string {
  if (rates.status !== 'confirmed') return '<table class="rules"><tr><td class="ask">保険料はお問い合わせください</td></tr></table>';
  const head = `<tr><th></th>${rates.plans.map((p) => `<th>${escape(p.name)}</th>`).join('')}</tr>`;
  const rows = ratedKinds.map(
    (kind) => `<tr><th>${escape(clinicKindLabels[kind])}</th>${rates.plans.map((p) => `<td class="num">${yen.format(rates.monthlyPremiums[kind]![p.id]!)}円</td>`).join('')}</tr>`,
  );
  return `<table class="rules">${head}${rows.join('')}</table>`;
}

function grid(items: readonly string[], columns: number): string {
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += columns) {
    const cells = items.slice(i, i + columns).map((t) => `<td class="box">${escape(t)}</td>`);
    while (cells.length < columns) cells.push('<td></td>');
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table class="rules grid">${rows.join('')}</table>`;
}

function contact(c: ContentPack['contacts']['agency']): string {
  return `<div class="contact"><b>【${escape(c.role)}】</b><br><b class="org">${escape(c.organization)}${c.branch ? ` ${escape(c.branch)}` : ''}</b><br>
〒${escape(c.postalCode)} ${escape(c.address)}<br>TEL ${escape(c.phone)}\u3000FAX ${escape(c.fax)}<br><small>受付時間：${escape(c.hours)}（${escape(c.closedDays)}）</small></div>`;
}

/**
 * The flyer's content as one HTML page with the same fonts, for the Chromium reference: the same
 * text, tables, page size, margins and per-page footer as shared/documents/flyer.ts, with the
 * recipient's name on top (the bench personalises every copy). `recipient` is an element id the
 * bench rewrites between copies.
 */
export function flyerHtml(pack: ContentPack, rates: RateTable, fontsDir: string): string {
  const font = (file: string) => pathToFileURL(path.join(fontsDir, file)).href;
  const documentLine = `${pack.document.code} ${pack.document.createdLabel}`;
  const { incidentCase: ic } = pack;
  const incidentRows = ic.items
    .map((item, i) => {
      const previous = ic.items[i - 1];
      let span = 1;
      while (ic.items[i + span]?.category === item.category) span++;
      const category = previous?.category === item.category ? '' : `<th rowspan="${span}">${escape(item.category)}</th>`;
      return `<tr>${category}<td class="small">${escape(item.description)}</td><td class="num"><b>${escape(item.amountLabel)}</b></td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 400; src: url('${font('BIZUDPGothic-Regular.ttf')}'); }
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 700; src: url('${font('BIZUDPGothic-Bold.ttf')}'); }
@font-face { font-family: 'Noto Sans JP'; font-weight: 400; src: url('${font('NotoSansJP-Regular.ttf')}'); }
@font-face { font-family: 'Noto Sans JP'; font-weight: 700; src: url('${font('NotoSansJP-Bold.ttf')}'); }
@page {
  size: A4; margin: 15mm 15mm 21mm 15mm;
  @bottom-left { content: ${JSON.stringify(pack.summaryNote)}; font: 10pt 'BIZ UDPGothic'; vertical-align: top; }
  @bottom-right { content: "（ ${documentLine} ）  " counter(page) " / " counter(pages); font: 10pt 'BIZ UDPGothic'; vertical-align: bottom; }
}
body { margin: 0; font: 11pt/1.2 'BIZ UDPGothic', 'Noto Sans JP'; color: black; }
h1 { font-size: 24pt; margin: 4pt 0 0; } h2 { font-size: 14pt; margin: 8pt 0 3pt; }
.head { display: flex; gap: 10pt; align-items: flex-start; } .head h1 { flex: 1; }
.discount { width: 40mm; border: 2.5pt solid black; text-align: center; font-weight: bold; } .discount big { font-size: 26pt; display: block; }
table.rules { width: 100%; border-collapse: collapse; } .rules td, .rules th { border: 1.2pt solid black; padding: 4pt 6pt 3pt; }
.grid td { text-align: center; font-weight: bold; font-size: 11.5pt; width: 25%; }
.ask { text-align: center; font-size: 16pt; font-weight: bold; } .num { text-align: right; white-space: nowrap; }
.small { font-size: 10pt; line-height: 1.1; } section { break-inside: avoid; }
.contacts { display: flex; gap: 12pt; margin-top: 12pt; } .contact { flex: 1; font-size: 10.5pt; } .org { font-size: 12pt; }
ul { font-size: 10pt; line-height: 1.15; margin: 0; } .recipient { font-size: 12pt; font-weight: bold; }
</style></head><body>
<div class="recipient"><span id="recipient"></span> 御中</div>
<div class="head"><h1>${escape(pack.productName)}</h1><div class="discount">${escape(pack.groupDiscount.label)}<big>${escape(pack.groupDiscount.display)}</big></div></div>
<div style="margin-top:8pt">${pack.introduction.map((p) => `<p style="margin:3pt 0 0">${escape(p)}</p>`).join('')}</div>
<section><h2>${escape(pack.riskQuestion)}</h2><b>${escape(pack.attackTypesTitle)}</b>${grid(pack.attackTypes, 4)}<div style="height:4pt"></div>${grid(pack.impacts, 3)}</section>
<section><h2>${escape(pack.premium.title)}</h2>${escape(`${pack.premium.scope} ${pack.premium.conditionsLabel}`)}${premiumTable(rates)}<div style="font-size:10.5pt">${escape(pack.premium.askAgencyNote)}</div></section>
<section><div class="contacts">${contact(pack.contacts.insurer)}${contact(pack.contacts.agency)}</div><div style="font-size:10pt;margin-top:4pt">${escape(pack.insurerWebsite)}</div></section>
<div style="break-after: page"></div>
<section><h2>${escape(ic.title)}</h2><b>${escape(ic.summary)}</b>
<table class="rules"><tr>${ic.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>${incidentRows}</table><p style="margin:4pt 0 0">${escape(ic.closing)}</p></section>
<section>${pack.coverages.map((c) => `${c.description ? `<p style="margin:2pt 0 0">${escape(c.description)}</p>` : ''}<p style="margin:2pt 0"><b>${escape(c.note)}</b></p>`).join('')}</section>
<section><h2>${escape(pack.whyTargeted.title)}</h2><div class="small">${escape(pack.whyTargeted.text)}</div></section>
${pack.damageExamples.groups
  .map((g, i) => `<section>${i === 0 ? `<h2>${escape(pack.damageExamples.title)}</h2>` : ''}<b>${escape(g.heading)}</b><ul>${g.items.map((t) => `<li>${escape(t)}</li>`).join('')}</ul></section>`)
  .join('')}
<section><p style="margin:10pt 0 2pt"><b>${escape(pack.inquiryPrompt)}</b></p><div style="font-size:10pt">${escape(pack.consent)}</div></section>
</body></html>`;
}
