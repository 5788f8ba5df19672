"""familyhub: curated YAML about volunteer family support, rendered as a bilingual site."""
