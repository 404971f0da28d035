import type { Ref } from 'react';
import { clinicKindLabels, type Clinic } from '../../../../shared/domain/clinic.ts';
import { ArchivedBadge } from './ArchivedBadge.tsx';

/** The list's column headings, laid out like the rows below them (two lines beside an open clinic). */
export function ClinicRowHeader() {
  return (
    <div role="row" aria-rowindex={1} className="clinic-row clinic-row-head">
      <span role="columnheader" className="cell-name">医療機関名</span>
      <span role="columnheader" className="cell-kana">ふりがな</span>
      <span role="columnheader" className="cell-kind">種別</span>
      <span role="columnheader" className="cell-town">市町村</span>
      <span role="columnheader" className="cell-phone">電話番号</span>
    </div>
  );
}

interface ClinicRowProps {
  ref: Ref<HTMLDivElement>;
  index: number;
  /** Where the row sits in the scrolled list, in pixels. */
  top: number;
  clinic: Clinic;
  selected: boolean;
  onChoose(id: string): void;
}

/**
 * One clinic: name, 種別, 市町村 and phone, what tells two 「佐藤眼科」 apart at a glance, kept
 * while a clinic is open beside the list. The whole row answers a click; the name's button is the
 * keyboard's way in.
 */
export function ClinicRow({ ref, index, top, clinic, selected, onChoose }: ClinicRowProps) {
  const classes = ['clinic-row', index % 2 === 1 && 'row-even', selected && 'row-selected', clinic.archivedAt && 'row-archived'].filter(Boolean).join(' ');
  return (
    <div
      ref={ref}
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      className={classes}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onChoose(clinic.id)}
    >
      <span role="cell" className="cell-name">
        <button
          type="button"
          className="row-link"
          aria-current={selected ? 'true' : undefined}
          onClick={(e) => {
            e.stopPropagation();
            onChoose(clinic.id);
          }}
        >
          {clinic.name}
        </button>
        {clinic.archivedAt && <ArchivedBadge />}
      </span>
      <span role="cell" className="cell-kana">{clinic.nameKana}</span>
      <span role="cell" className={clinic.kind === 'unconfirmed' ? 'cell-kind kind-unconfirmed' : 'cell-kind'}>{clinicKindLabels[clinic.kind]}</span>
      <span role="cell" className="cell-town">{clinic.municipality}</span>
      <span role="cell" className="cell-phone">{clinic.phone}</span>
    </div>
  );
}
