"""Stage 2, pages: takes a Hub and gives Markdown pages per language (no MkDocs import).

Jinja2 templates in familyhub/templates/, the guide and table helpers that the renderer is handed
(compose.py puts them together), the plan's arithmetic, and the writer of docs/'s generated folders.
"""
