"""Stage 4, PDFs: takes the built HTML of site/ and gives site/pdf/ (WeasyPrint).

documents.py says which PDFs exist; content.py turns built pages into one PDF's HTML;
weasy.py lays it out and writes it atomically.
"""
