"""Stage 3 and the release: `make site` runs MkDocs, then the PDFs, into a temporary folder
swapped in for site/, and writes the HTTP header files the host serves it with."""
