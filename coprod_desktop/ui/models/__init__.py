"""Thin Qt item models over domain records. They hold no SQL and never write:
an edit, a tick or a drop becomes a request signal that the page turns into an
undoable command."""
