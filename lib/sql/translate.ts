/**
 * Raw SQL in lib/data is written once, in the subset SQLite and PostgreSQL share, with SQLite's
 * parameter style (`?` or `@name`) and Prisma's camelCase column names left unquoted. This turns
 * such a statement into PostgreSQL's form: numbered parameters, and camelCase identifiers quoted
 * (PostgreSQL folds unquoted names to lower case; Prisma created them quoted).
 */
export interface TranslatedSql {
  text: string;
  /** For named parameters: the name behind each `$n`, in order. */
  names: string[] | null;
}

const CAMEL_CASE = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;

export function toPostgresSql(sql: string): TranslatedSql {
  let out = "";
  let positional = 0;
  const names: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    // String literals, quoted identifiers and comments pass through untouched.
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
    } else if (ch === "?") {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if ((ch === "@" || ch === "$") && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1));
      const name = match?.[0] ?? "";
      let index = names.indexOf(name);
      if (index === -1) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i += 1 + name.length;
    } else if (/[A-Za-z_]/.test(ch) && !/[A-Za-z0-9_$]/.test(sql[i - 1] ?? "")) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i));
      const word = match?.[0] ?? ch;
      out += CAMEL_CASE.test(word) ? `"${word}"` : word;
      i += word.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error("Mix of ? and @name parameters in one statement");
  return { text: out, names: names.length > 0 ? names : null };
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}
