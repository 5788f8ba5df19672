"""Stage 5, `make site`: MkDocs, then the PDFs (build.py), and the HTTP header files the static
host serves (headers.py)."""
