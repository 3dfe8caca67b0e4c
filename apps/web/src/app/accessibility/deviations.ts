import statement from './deviations.json';

/** A known deviation from WCAG 2.1 AA, in the statement's two languages. */
export interface Deviation {
  /** The success criterion, e.g. "1.4.10". */
  criterion: string;
  criterionName: { nb: string; en: string };
  where: { nb: string; en: string };
  reason: { nb: string; en: string };
  /** YYYY-MM-DD */
  fixBy: string;
}

export interface StatementFacts {
  /** YYYY-MM-DD: when the checks behind the statement last ran through. */
  checkedOn: string;
  feedbackEmail: string;
  deviations: Deviation[];
}

/**
 * The accessibility statement's facts, kept in deviations.json beside this
 * file: whoever finds or fixes a deviation edits that file, and the page
 * /tilgjengelighet (and /accessibility) shows it as it stands.
 */
export const STATEMENT: StatementFacts = statement;
