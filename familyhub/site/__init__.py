"""Stage 5, `make site`: MkDocs, the search index, then the PDFs, into a temporary folder swapped
in for site/, and the HTTP header files the host serves it with."""
