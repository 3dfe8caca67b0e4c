import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BenefitKind, BenefitsCsvQuery, BenefitUnit, Locale } from '@samspill/contracts';
import type { Actor } from '@samspill/domain';
import { visiblePartnershipSql } from '@samspill/api/sql-rules';
import { DataSource } from 'typeorm';
import { benefitLabelsFor, decimalFor } from '../common/labels';
import { csvLine } from '../common/csv';

interface ExportRow {
  id: string;
  project: string;
  partnership: string;
  organization: string;
  kind: BenefitKind;
  description: string;
  unit: BenefitUnit;
  identified: string;
  realised: string | null;
  realised_on: string | null;
  created_on: string;
}

const PAGE = 2000;

/**
 * Benefits as CSV, with the project CSV's conventions (UTF-8 with BOM,
 * semicolons, CRLF, every cell quoted, formulas neutralised), page by page.
 * Amounts keep their own unit: there is one column for it, and nothing is summed.
 * Decimals are written with a comma in the Nordic languages, as Excel reads them there.
 */
@Injectable()
export class BenefitsExport {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async *csv(actor: Actor, query: BenefitsCsvQuery, locale: Locale): AsyncGenerator<string> {
    const labels = benefitLabelsFor(locale);
    const params: unknown[] = [actor.organizationId];
    const where = [visiblePartnershipSql(actor, 'p', '$1')];
    if (query.partnershipId) {
      params.push(query.partnershipId);
      where.push(`pr.partnership_id = $${params.length}`);
    }
    const number = decimalFor(locale);
    let prefix = `\uFEFF${csvLine(labels.header)}`;
    let after: string | null = null;
    for (;;) {
      const keyset = after ? `AND b.id > $${params.length + 1}::uuid` : '';
      const rows: ExportRow[] = await this.dataSource.query<ExportRow[]>(
        `SELECT b.id, pr.title AS project, p.name AS partnership, o.name AS organization, b.kind, b.description, b.unit,
           b.identified::text AS identified, b.realised::text AS realised, to_char(b.realised_on, 'YYYY-MM-DD') AS realised_on,
           to_char(b.created_at, 'YYYY-MM-DD') AS created_on
         FROM benefits b JOIN projects pr ON pr.id = b.project_id JOIN partnerships p ON p.id = pr.partnership_id
         JOIN organizations o ON o.id = b.organization_id
         WHERE ${where.join(' AND ')} ${keyset}
         ORDER BY b.id LIMIT ${PAGE}`,
        after ? [...params, after] : params,
      );
      yield (
        prefix +
        rows
          .map((r) =>
            csvLine([
              r.project,
              r.partnership,
              r.organization,
              labels.kind[r.kind],
              r.description,
              labels.unit[r.unit],
              number(r.identified),
              r.realised === null ? '' : number(r.realised),
              r.realised_on ?? '',
              r.created_on,
            ]),
          )
          .join('')
      );
      prefix = '';
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) return;
      after = last.id;
    }
  }
}
