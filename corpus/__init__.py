"""Stage 1: the cleaned article, its bibliography, cited source texts and their provenance."""
