"""Dialogs. Each exposes a classmethod ``ask`` so tests can patch it: no real modal in a test."""
