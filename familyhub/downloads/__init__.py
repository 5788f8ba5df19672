"""Stage 3b, tables to take along: each overview's rows as CSV and XLSX per language, and the
whole register as JSON with its JSON Schema, written into site/data/ at build time."""
