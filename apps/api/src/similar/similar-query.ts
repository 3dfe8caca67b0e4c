/** A word in more than this share of a large table's texts does not tell one piece of work from another. */
export const COMMON_SHARE = 0.02;
/**
 * At most this many matches are ranked. Words are chosen to be telling, so a
 * real text rarely reaches it; a text of only common words stops here instead
 * of ranking half the platform.
 */
export const SIMILAR_CANDIDATES = 1000;

/**
 * The tsquery of work like a text: its telling words, read in the language of
 * the organisation `organizationParam` names (see samspill_similar_config),
 * leaving out the words common in `table`.
 */
export function similarQuerySql(table: 'projects' | 'practices' | 'log_entries', organizationParam: string, textParam: string): string {
  return `samspill_similar_query(samspill_similar_config(${organizationParam}::uuid), ${textParam}, samspill_common_lexemes('${table}', ${COMMON_SHARE}))`;
}
