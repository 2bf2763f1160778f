export const POSTGRES_SCHEMA: string;
export function postgresSchemaText(sqliteSchema: string): string;
export function writePostgresSchema(root: string): string;
