"""Stage 2b, pictures: takes models and gives SVG drawn at build time (no JavaScript).

The guide timeline, funding charts and who-works-with-whom network, with their shared parts.
The pages stage hands them to its templates as helpers.
"""
