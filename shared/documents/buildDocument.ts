import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import type { RateTable } from '../content/rateTableSchema.ts';
import { buildFlyer } from './flyer.ts';
import type { DocumentKind } from './documentKinds.ts';
import { buildInquiryFaxSheet, type FaxSheetClinic } from './inquiryFaxSheet.ts';

export interface DocumentData {
  kind: DocumentKind;
  pack: ContentPack;
  rates: RateTable;
  clinic?: FaxSheetClinic | undefined;
  receiptNumber?: string | undefined;
  sentOn?: string | undefined;
}

/** One entry point from data to a pdfmake definition, for the worker that renders documents. */
export function buildDocument(data: DocumentData): TDocumentDefinitions {
  switch (data.kind) {
    case 'inquiryFaxSheet':
      return buildInquiryFaxSheet(data.pack, { clinic: data.clinic, receiptNumber: data.receiptNumber, sentOn: data.sentOn });
    case 'flyer':
      return buildFlyer(data.pack, data.rates);
  }
}

