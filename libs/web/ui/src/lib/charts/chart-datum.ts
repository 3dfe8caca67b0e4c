/** One bar of a chart: what it is, how many, and how the number reads. */
export interface ChartDatum {
  /** Full label, used in the table alternative and, unless `shortLabel` is set, under the bar. */
  label: string;
  /** A shorter label for a narrow axis (e.g. "sep.\n26" for "september 2026"; a vertical chart breaks lines at \n). */
  shortLabel?: string;
  value: number;
  /** The number as people read it ("1 234", "45 %"); defaults to the plain value. */
  valueText?: string;
}
