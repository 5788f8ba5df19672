"""Stage 5, `make site`: MkDocs, the search index, the PDFs, and the HTTP header files."""
