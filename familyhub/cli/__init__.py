"""The `familyhub` command on top of every stage: main.py parses, one module per sub-command
(guide, scale) and loading.py, the shared load-or-report below them."""
