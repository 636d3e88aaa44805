/** The two databases opspilot runs on: SQLite (the embedded default) and PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres';
