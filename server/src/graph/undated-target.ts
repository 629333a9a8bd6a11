/**
 * Where an undated mention leads (a Cypher fragment over `row`, yielding `resolved`): the one dated document of that
 * code in that province and unit below it, if there is exactly one (of the term the mention names, if it names one:
 * undatedSpans); else null, and the mention keeps its undated stub. Shared by the writer's links and the preview, so
 * a preview names what storing the text would link.
 */
export const UNDATED_TARGET = `OPTIONAL CALL (row) {
  MATCH (x:Directive {code: row.undatedCode}) USING INDEX SEEK x:Directive(code) WHERE row.undatedCode IS NOT NULL AND x.issuedOn IS NOT NULL
    AND (x.level = 'central' OR (coalesce(x.province, '') = coalesce(row.undatedProvince, '') AND coalesce(x.unit, '') = coalesce(row.undatedUnit, '')))
    AND (row.undatedSpans IS NULL OR any(s IN row.undatedSpans WHERE x.issuedOn > date(s[0]) AND (s[1] IS NULL OR x.issuedOn < date(s[1]))))
  WITH collect(x) AS xs WHERE size(xs) = 1
  RETURN xs[0] AS resolved
}`;
