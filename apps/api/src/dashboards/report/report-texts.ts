import type { Locale } from '@samspill/contracts';
import { reportTextEn, reportTextNb, type ReportText } from './report-text';
import { reportTextDa } from './report-text.da';
import { reportTextFi } from './report-text.fi';
import { reportTextNn } from './report-text.nn';
import { reportTextSv } from './report-text.sv';

/** The report's words in every language of Samspill. */
export const REPORT_TEXT: Record<Locale, ReportText> = {
  nb: reportTextNb,
  nn: reportTextNn,
  da: reportTextDa,
  sv: reportTextSv,
  fi: reportTextFi,
  en: reportTextEn,
};
