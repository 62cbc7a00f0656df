"""Developer tools (not shipped): the translation catalogue."""
