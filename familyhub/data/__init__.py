"""Stage 1, data: takes the YAML files of data/ and gives validated models (a Hub).

The schema (models), the YAML reader that keeps line numbers, problems as `path:line: field:
message`, references between entities, the on-disk store of validated entities, and the data
chores (schema export, new skeletons, TODO finder, review, synthetic data sets). Knows nothing of
pages, pictures, PDFs or MkDocs.
"""
