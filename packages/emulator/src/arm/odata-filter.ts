/** The `$filter` subset ARM list operations accept here: `name eq 'value'` clauses joined by `and`, plus functions. */
export interface FilterClause {
  field: string;
  value: string;
}

export interface ParsedFilter {
  clauses: FilterClause[];
  /** Function calls without arguments or with one quoted argument, e.g. `atScope()`, `assignedTo('id')`. */
  functions: { name: string; arg?: string }[];
}

export function parseFilter(filter: string | null): ParsedFilter {
  const out: ParsedFilter = { clauses: [], functions: [] };
  if (!filter) return out;
  for (const part of filter.split(/\s+and\s+/i)) {
    const clause = /^\s*([\w.]+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(part);
    if (clause) {
      out.clauses.push({
        field: (clause[1] as string).toLowerCase(),
        value: (clause[2] as string).replaceAll("''", "'"),
      });
      continue;
    }
    const fn = /^\s*(\w+)\(\s*(?:'((?:[^']|'')*)')?\s*\)\s*$/.exec(part);
    if (fn) out.functions.push({ name: (fn[1] as string).toLowerCase(), arg: fn[2] });
  }
  return out;
}

export function clauseValue(filter: ParsedFilter, field: string): string | undefined {
  return filter.clauses.find((c) => c.field === field.toLowerCase())?.value;
}
